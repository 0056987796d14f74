// Stack config -> validated PlatformConfig. `resolvePlatformConfig` is pure (tested directly);
// `loadPlatformConfig` feeds it the running stack's config.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { mergeLayers } from "../../components/shared/mergeLayers";
import { PROFILES } from "../../stacks/profiles";
import { formatIssues } from "@reference-platform/consumer/shared/issues";
import { decodeConfigValue as decode, isConfigSecret } from "@reference-platform/consumer/shared/stackConfig";
import { ConfigError } from "./errors";
import { profileSchemaFor, providerSchema } from "./schema";
import { checkChartDirectory } from "./chartDirectory";
import { foreignKeyProblem } from "./foreignKeys";
import { storeSeedProblems, storeSeedValues } from "./storeSeed";
import { EnvironmentProfile, PlatformConfig, PROFILE_NAMES, ProfileName, ValidatedProfile } from "./types";

export const CONFIG_NAMESPACE = "platform";

/** Keys that hold secrets: only accepted when set with `pulumi config set --secret`. */
export const SECRET_KEYS = ["kubeconfig", "alertWebhookUrl", "secretStoreSeed"] as const;
/** Keys merged onto the profile area of the same name. */
const PROFILE_KEYS = Object.keys(profileSchemaFor(PROFILE_NAMES[0]).shape) as (keyof EnvironmentProfile)[];
const OTHER_KEYS = ["profile", "kubernetes", "chartDirectory", ...SECRET_KEYS];

export interface RawStackConfig {
    stack: string;
    /** Keys without the namespace, values as the engine passes them (strings; objects JSON-encoded). */
    values: Record<string, string>;
    secretKeys: ReadonlySet<string>;
    /** Full keys of the stack's config outside the platform namespace (`kubernetes:context`, ...). */
    foreignKeys?: readonly string[];
}

type PlainConfig = Omit<PlatformConfig, "secrets">;

function resolveProfile(raw: RawStackConfig, problems: string[]): ProfileName | undefined {
    const given = raw.values.profile !== undefined ? decode(raw.values.profile) : raw.stack;
    if ((PROFILE_NAMES as readonly unknown[]).includes(given)) return given as ProfileName;
    problems.push(raw.values.profile !== undefined
        ? `${CONFIG_NAMESPACE}:profile: must be one of ${PROFILE_NAMES.map((p) => `"${p}"`).join(", ")} (got ${JSON.stringify(given)})`
        : `${CONFIG_NAMESPACE}:profile: required for stack "${raw.stack}", whose name is not a profile; ` +
          `set it to one of ${PROFILE_NAMES.join(", ")}`);
    return undefined;
}

/** Validates the stack's knobs and merges them onto its environment profile. Throws ConfigError. */
export function resolvePlatformConfig(raw: RawStackConfig): PlainConfig {
    const problems: string[] = [];
    const ns = CONFIG_NAMESPACE;
    const accepted = [...OTHER_KEYS, ...PROFILE_KEYS];
    for (const key of Object.keys(raw.values)) {
        if (!accepted.includes(key)) problems.push(`${ns}:${key}: unknown key; accepted: ${accepted.join(", ")}`);
    }
    for (const key of SECRET_KEYS) {
        if (raw.values[key] !== undefined && !raw.secretKeys.has(key)) {
            problems.push(`${ns}:${key}: holds a secret and must be set with \`pulumi config set --secret ${key} ...\``);
        }
    }
    for (const key of raw.foreignKeys ?? []) {
        const problem = foreignKeyProblem(key, accepted);
        if (problem) problems.push(problem);
    }
    const profile = resolveProfile(raw, problems);
    if (!profile) throw new ConfigError(problems);

    const overrides: Record<string, unknown> = {};
    for (const key of PROFILE_KEYS) {
        if (raw.values[key] !== undefined) overrides[key] = decode(raw.values[key]);
    }
    const merged = mergeLayers(PROFILES[profile] as unknown as Record<string, unknown>, overrides);
    const profileSchema = profileSchemaFor(profile);
    const parsed = profileSchema.safeParse(merged);
    if (!parsed.success) problems.push(...formatIssues(`${ns}:`, profileSchema, parsed.error.issues, merged));

    const providerInput = raw.values.kubernetes !== undefined ? decode(raw.values.kubernetes) : {};
    const provider = providerSchema.safeParse(providerInput);
    if (!provider.success) {
        problems.push(...formatIssues(`${ns}:`, z.strictObject({ kubernetes: providerSchema }), provider.error.issues.map((i) => ({ ...i, path: ["kubernetes", ...i.path] })),
            { kubernetes: providerInput }));
    }
    const charts = raw.values.chartDirectory === undefined || !parsed.success
        ? undefined
        : checkChartDirectory(decode(raw.values.chartDirectory), parsed.data.mesh.revisions.map((r) => r.version), parsed.data.chartRepositories);
    problems.push(...charts?.problems ?? []);
    // Its shape is checked here, its values are read as secrets by loadPlatformConfig.
    if (raw.values.secretStoreSeed !== undefined && raw.secretKeys.has("secretStoreSeed")) {
        problems.push(...storeSeedProblems(raw.values.secretStoreSeed, parsed.success ? parsed.data.externalSecrets.store.kind : undefined));
    }
    if (raw.values.alertWebhookUrl !== undefined && parsed.success && parsed.data.externalSecrets.platformSecrets?.alertmanagerReceiver) {
        problems.push(`${ns}:alertWebhookUrl: the critical receiver's URL comes from the store (${ns}:externalSecrets.platformSecrets.alertmanagerReceiver); set one of the two`);
    }
    if (problems.length > 0 || !parsed.success || !provider.success) throw new ConfigError(problems);

    const validated: ValidatedProfile = parsed.data;
    const chartDirectory = charts?.directory === undefined ? {} : { chartDirectory: charts.directory };
    return deepFreeze({ stack: raw.stack, profile, provider: provider.data, ...chartDirectory, ...validated });
}

/** Reads the running stack's `platform:*` config. */
export function loadPlatformConfig(): Readonly<PlatformConfig> {
    const prefix = `${CONFIG_NAMESPACE}:`;
    const values: Record<string, string> = {};
    const foreignKeys: string[] = [];
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith(prefix)) values[key.slice(prefix.length)] = value;
        else foreignKeys.push(key);
    }
    const secretKeys = new Set(Object.keys(values).filter((k) => isConfigSecret(`${prefix}${k}`)));
    const plain = resolvePlatformConfig({ stack: pulumi.getStack(), values, secretKeys, foreignKeys });
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    const seed = values.secretStoreSeed;
    return Object.freeze({
        ...plain,
        secrets: Object.freeze({
            kubeconfig: config.getSecret("kubeconfig"),
            alertWebhookUrl: config.getSecret("alertWebhookUrl"),
            ...(seed === undefined ? {} : { secretStoreSeed: storeSeedValues(seed) }),
        }),
    });
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) deepFreeze(v);
    }
    return value;
}

