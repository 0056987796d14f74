export {
    CONTRACT_AREAS, CONTRACT_VERSION, ContractArea, contractSchema, MTLS_MODES, MtlsMode, PlatformContract,
    POD_SECURITY_LEVELS, PodSecurityLevel,
} from "./schema";
export { contractShape, shapeFile, SHAPES_DIR } from "./shape";
