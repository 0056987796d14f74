// ConfigMap and Secret keys (IsConfigMapKey) and environment variable names (IsEnvVarName), as the
// API server validates them.
import { strict as assert } from "assert";
import { isConfigKey, isEnvVarName } from "@reference-platform/grammar";

describe("grammar: config keys and environment variable names", () => {
    const keys: Array<[unknown, boolean, string]> = [
        ["API_TOKEN", true, "upper case and '_'"],
        ["tls.crt", true, "a dot"],
        ["1password", true, "a leading digit"],
        ["a".repeat(253), true, "253 characters"],
        ["a".repeat(254), false, "254 characters"],
        [".", false, "a lone dot"],
        ["..", false, "two dots"],
        ["api token", false, "a space"],
        ["path/to", false, "a slash"],
        ["", false, "the empty string"],
    ];
    for (const [key, ok, why] of keys) {
        it(`${ok ? "accepts" : "rejects"} the key ${JSON.stringify(key).slice(0, 24)} (${why})`, () => assert.equal(isConfigKey(key), ok));
    }

    const names: Array<[unknown, boolean, string]> = [
        ["LOG_LEVEL", true, "upper case and '_'"],
        ["_private", true, "a leading underscore"],
        ["my.setting-x", true, "'.' and '-', which Kubernetes allows"],
        ["1PASSWORD", false, "a leading digit"],
        ["LOG LEVEL", false, "a space"],
        ["LOG=LEVEL", false, "'='"],
        ["", false, "the empty string"],
    ];
    for (const [name, ok, why] of names) {
        it(`${ok ? "accepts" : "rejects"} the variable ${JSON.stringify(name)} (${why})`, () => assert.equal(isEnvVarName(name), ok));
    }
});
