// @reference-platform/consumer: what an application team's Pulumi program needs to deploy onto a
// platform stack: the contract, a checked StackReference, and the settings derived from it.
export * from "./contract";
export * from "./reference";
export * from "./settings";
