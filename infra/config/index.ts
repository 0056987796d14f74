export * from "./types";
export { ConfigError } from "./errors";
export { CONFIG_NAMESPACE, loadPlatformConfig, resolvePlatformConfig, SECRET_KEYS } from "./load";
