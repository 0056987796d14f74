// The grammars the platform program, its consumer package and its policy pack all read. A package
// of its own so that the pack stays standalone: it bundles this package when it is packed.
export * from "./configKey";
export * from "./dnsName";
export * from "./duration";
export * from "./imageReference";
export * from "./labelValue";
export * from "./portName";
export * from "./quantity";
export * from "./version";
