// An admission rule: one check of a pack policy that needs nothing but the object and its
// namespace, written once in CEL. The pack evaluates it at preview (policy/admission/judge.ts) and
// the API server evaluates the very same text as a ValidatingAdmissionPolicy
// (policy/admission/generate.ts), so the rule has one source and two places it is enforced.
import { PolicyConfigSpec } from "../lib/config";

/** A kind the rule judges, as the pack's type token names it and as the API server matches it. */
export interface RuleTarget {
    /** API group; "" for the core group. */
    group: string;
    kind: string;
    /** The resource (plural) the API server matches. */
    resource: string;
    /** A cluster-scoped kind (ClusterRole): no namespace, not even the provider's default. */
    clusterScoped?: boolean;
}

/** The CEL of one rule, given the settings of its policy in the stack's config. */
export interface RuleCel {
    /** Named CEL expressions, in order; later ones and the validation read them as `variables.<name>`. */
    variables: ReadonlyArray<{ name: string; expression: string }>;
    /** True when the object passes. `object` is the object, `namespaceObject` its Namespace (null when cluster-scoped). */
    expression: string;
    /** A CEL string expression: the violation's text, evaluated only when `expression` is false. */
    messageExpression: string;
}

export interface AdmissionRule {
    /** The pack policy whose enforcement level and exemptions the rule follows. */
    policy: string;
    /** The control an exemption names to waive it. */
    control: string;
    targets: readonly RuleTarget[];
    /**
     * The rule fails on a field left unset. A Pulumi patch leaves such a field to the live object,
     * so the pack does not judge a patch by it (the API server judges the merged object).
     */
    judgesUnsetFields?: boolean;
    /**
     * CEL true for objects the control plane itself creates and keeps up to date (the API server's
     * bootstrap ClusterRoles, say), matched by what only a writer of cluster-scoped objects chooses.
     * No stack declares them, so the pack never judges them; the admission policy leaves them out
     * (a matchCondition), since denying their updates would break the control plane.
     */
    controlPlaneObjects?: string;
    /** Undefined when the stack's settings switch the check off (no CPU limit required, say): no policy then. */
    cel(settings: Record<string, any>): RuleCel | undefined;
}

/** A pack policy's admission rules with the config spec their settings come from. */
export interface AdmissionRuleSet {
    spec: PolicyConfigSpec;
    rules: readonly AdmissionRule[];
}

/** A CEL string literal (JSON's escapes are CEL's for the strings rules embed). */
export const celString = (value: string): string => JSON.stringify(value);

/**
 * A message table's entry as a CEL string expression: "[<code>] " and the text, each %s replaced
 * by the next of `args` (CEL string expressions).
 */
export function tableMessageCel(code: string, text: string, args: readonly string[]): string {
    const parts = `[${code}] ${text}`.split("%s");
    return parts.map((part, i) => (i === 0 ? celString(part) : `(${args[i - 1] ?? "''"}) + ${celString(part)}`)).join(" + ");
}

/** A CEL list of string literals. */
export const celList = (values: readonly string[]): string => `[${values.map(celString).join(", ")}]`;

/**
 * CEL that names `value` as `name` inside `body`: a one-element list mapped once. The API server's
 * CEL has no `cel.bind` (Kubernetes' base environment leaves out cel-go's bindings extension), but
 * the standard `map` macro binds its variable the same way.
 */
export const celBind = (name: string, value: string, body: string): string => `[${value}].map(${name}, ${body})[0]`;
