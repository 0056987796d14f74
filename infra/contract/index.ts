export { buildContract, ContractOutputs } from "./build";
export { CONTRACT_AREAS, CONTRACT_VERSION, ContractArea, contractSchema, PlatformContract } from "./schema";
export { PlatformReference, PlatformReferenceError } from "./reference";
