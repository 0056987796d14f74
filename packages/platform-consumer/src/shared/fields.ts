// Field schemas shared by the components' settings: what each kind of value accepts, and the message
// that says so. Values are taken in the forms a stack file can hold them: `pulumi config set --path`
// stores integers as numbers and everything else as strings, so numeric strings are numbers here
// ("0.5" needs no --type float) and quantities and int-or-percent values take numbers too.
import { z } from "zod";
import {
    CONFIG_KEY_RULE, DNS_1035_LABEL_RULE, DNS_LABEL_RULE, ENV_VAR_NAME_RULE, isConfigKey, isDns1035Label, isDnsLabel, isEnvVarName, isLabelValue, isPortName,
    LABEL_VALUE_RULE, parseQuantity, PORT_NAME_RULE, prometheusDurationMilliseconds, quantityText, unpinnedImageReason,
} from "@reference-platform/grammar";
import { credentialsInUrlReason, invalidHostReason, invalidImageReason } from "./references";

/**
 * Options for a cross-field refinement: it runs even when some fields of its object failed their
 * own rules, so one run reports every problem. It reads fields with the guards of ./consistency.
 */
export const EVERY_PASS = { when: (payload: { value: unknown }) => isRecord(payload.value) };
export const EVERY_PASS_ARRAY = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

export function isRecord(value: unknown): value is Record<string, any> {
    return !!value && typeof value === "object" && !Array.isArray(value);
}

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const numericText = (v: unknown) => (typeof v === "string" && NUMERIC_TEXT.test(v) ? Number(v) : v);

/** A number, also given as a numeric string. */
export const numberFrom = <T extends z.ZodType>(schema: T) => z.preprocess(numericText, schema);
export const number = (message = "must be a number") => z.number({ message });
export const whole = (message?: string) => number(message).int({ message: "must be a whole number" });
export const atLeast = (min: number) => numberFrom(whole().min(min, { message: `must be at least ${min}` }));
/** A whole number in [min, max]; a missing or non-numeric value is told the range too. */
export const wholeRange = (min: number, max: number, message = `must be ${min}-${max}`) =>
    numberFrom(whole(`must be a number, ${min}-${max}`).min(min, { message }).max(max, { message }));
export const percent = numberFrom(number().min(0, { message: "must be 0-100" }).max(100, { message: "must be 0-100" }));
export const replicas = atLeast(1);
/** A count of at least 1, given as a number (no numeric strings). */
export const count = () => z.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" });

/** A JWT claim name. */
export const claimName = z.string().regex(/^[A-Za-z0-9_:/.-]+$/, { message: "must be a claim name such as roles, sub or scope" });

const QUANTITY_MESSAGE = 'must be a Kubernetes quantity such as "250m", "512Mi" or "2Gi"';

/**
 * A resource quantity above zero, as a string. `bytes` (memory, storage) must be at least one
 * byte: "512m" is half a byte, a common slip for "512Mi".
 */
export const quantity = (unit: "cores" | "bytes") => z.union([z.string(), z.number()], { message: QUANTITY_MESSAGE })
    .transform((value, ctx) => {
        const text = quantityText(value);
        if (text === undefined) {
            ctx.addIssue({ code: "custom", message: QUANTITY_MESSAGE });
            return z.NEVER;
        }
        const amount = parseQuantity(text);
        if (amount <= 0) ctx.addIssue({ code: "custom", message: "must be above zero" });
        else if (unit === "bytes" && amount < 1) {
            ctx.addIssue({ code: "custom", message: `is less than one byte ("m" means thousandths); did you mean "${text.replace(/m$/, "Mi")}"?` });
        }
        return text;
    });
export const cpu = quantity("cores");
export const bytes = quantity("bytes");

/** Deployment rollout's maxSurge / maxUnavailable: a whole number (1, "1") or a percentage ("25%"). */
export const intOrPercent = (maxPercent?: number) => z.union([z.string(), z.number()], { message: 'must be a whole number such as 1 or a percentage such as "25%"' })
    .transform((value, ctx) => {
        const text = String(value);
        const match = /^(\d+)(%?)$/.exec(text);
        if (!match) ctx.addIssue({ code: "custom", message: 'must be a whole number such as 1 or a percentage such as "25%"' });
        else if (match[2] && maxPercent !== undefined && Number(match[1]) > maxPercent) {
            ctx.addIssue({ code: "custom", message: `must be at most ${maxPercent}%` });
        }
        return text;
    });

/** "0", 0 or "0%": no pods above (or below) the desired count during a rollout. */
export const isZeroIntOrPercent = (value: unknown) => /^0+%?$/.test(String(value));

/** A Prometheus duration above zero (retention): whole numbers with units y w d h m s ms, largest first. */
export const duration = z.string().refine((v) => (prometheusDurationMilliseconds(v) ?? 0) > 0, {
    message: 'must be a duration above zero such as "12h", "15d" or "2w" (units y, w, d, h, m, s, ms, largest first)',
});

export const dnsLabel = z.string().refine(isDnsLabel, { message: `must be a DNS-1123 label: ${DNS_LABEL_RULE}` });
/** A Service's name: a DNS-1035 label (a DNS-1123 label that starts with a letter). */
export const serviceName = z.string({ message: "must be a string" }).refine(isDns1035Label, { message: `must be a DNS-1035 label, as a Service's name is: ${DNS_1035_LABEL_RULE}` });
/** A container or Service port's name (IANA_SVC_NAME). */
export const portName = z.string().refine(isPortName, { message: `must be a port name: ${PORT_NAME_RULE}` });
export const labelValue = z.string({ message: "must be a string" }).refine(isLabelValue, { message: `must be a label value: ${LABEL_VALUE_RULE}` });
/** A name a container reads through envFrom: a ConfigMap or Secret key that is also a variable name. */
export const envVarName = z.string().refine(isEnvVarName, { message: `must be an environment variable name: ${ENV_VAR_NAME_RULE}` });
/** A key of a ConfigMap's or Secret's data. */
export const configKey = z.string().refine(isConfigKey, { message: `must be a ConfigMap or Secret key: ${CONFIG_KEY_RULE}` });

export const host = z.string().superRefine((value, ctx) => {
    const reason = invalidHostReason(value);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
});

/** A valid image reference (./references), pinned by a tag other than latest or by a digest. */
export const pinnedImage = z.string().superRefine((image, ctx) => {
    const reason = invalidImageReason(image) ?? unpinnedImageReason(image);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
});

/** A URL or pattern naming a Git repository, with no credentials in it. */
export const repositoryUrl = (pattern: RegExp, message: string) => z.string().regex(pattern, { message }).superRefine((url, ctx) => {
    const reason = credentialsInUrlReason(url);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
});
