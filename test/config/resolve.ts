// Calls the config loader as loadPlatformConfig does, with config keyed as in a stack file:
// platform keys bare, keys of other namespaces in full ("kubernetes:context").
import { resolvePlatformConfig } from "../../infra/config";

export function resolveConfig(config: Record<string, unknown>, stack = "dev", secretKeys: string[] = []) {
    const entries = Object.entries(config);
    return resolvePlatformConfig({
        stack,
        values: Object.fromEntries(entries.filter(([k]) => !k.includes(":")).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
        secretKeys: new Set(secretKeys),
        foreignKeys: entries.filter(([k]) => k.includes(":")).map(([k]) => k),
    });
}
