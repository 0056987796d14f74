// The grammars the program and the pack both read. The pack owns them so that it stays standalone
// (it is published and installed on its own); the program imports them from here.
export * from "./dnsName";
export * from "./duration";
export * from "./imageReference";
export * from "./quantity";
export * from "./version";
