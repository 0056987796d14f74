export { PlatformReferenceError, ServiceRequestError } from "./errors";
export { ADD_ONS, AddOn, PlatformStack } from "./platformStack";
export { PlatformReference, PlatformReferenceArgs } from "./platformReference";
export { readContract } from "./readContract";
