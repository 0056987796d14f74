// Keys of a ConfigMap's or a Secret's data, and the environment variable names a container takes.
// A container that reads a ConfigMap or Secret through envFrom skips (with only an event) every key
// that is not also a valid variable name, so a key meant for the environment must be both.

export const CONFIG_KEY_MAX_LENGTH = 253;
export const CONFIG_KEY_RULE = "letters, digits, '-', '_' and '.', not \".\" or \"..\", at most 253 characters";
export const ENV_VAR_NAME_RULE = "letters, digits, '_', '-' and '.', not starting with a digit";

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
/** Kubernetes' IsEnvVarName, which every supported API server version accepts. */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function isConfigKey(value: unknown): value is string {
    return typeof value === "string" && value.length <= CONFIG_KEY_MAX_LENGTH && CONFIG_KEY.test(value) && value !== "." && value !== "..";
}

export function isEnvVarName(value: unknown): value is string {
    return typeof value === "string" && ENV_VAR_NAME.test(value) && isConfigKey(value);
}
