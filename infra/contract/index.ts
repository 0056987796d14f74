export { buildContract, ContractOutputs } from "./build";
