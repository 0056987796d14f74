// From the pack's admission rules and one stack's policy config to the ValidatingAdmissionPolicies
// and bindings the API server enforces: one policy per rule, carrying the rule's CEL exactly as the
// pack evaluates it (policy/admission/judge.ts), and one binding whose actions follow the rule's
// pack policy's enforcement level in that stack, over every namespace but the cluster provider's
// (providerNamespaces.ts).
//
// Exemptions come from the same config entries. In the cluster an object has no Pulumi parent, so
// an exemption's `chart` cannot be checked there, and an exemption is carried only when it pins
// where the object is by what a tenant cannot write:
// - one that pins the namespace matches by namespace, kind and name: never by labels or
//   annotations such as Helm's `helm.sh/chart` or `app.kubernetes.io/managed-by`, which anyone who
//   can write the object can set. A tenant can write only its own namespace (its Role and Argo CD
//   sync identity are namespaced), so it cannot claim an exemption for a platform namespace's
//   object, whatever it names or labels its own.
// - one for a cluster-scoped kind the rule judges (ClusterRole, ClusterRoleBinding: a target with
//   `clusterScoped`) that names the object (a name or name glob) matches by kind and name only. No
//   tenant can create a cluster-scoped object: its Role is namespaced and its Argo CD AppProject
//   allows no cluster-scoped kind (components/tenancy), so only the platform can write an object
//   such an exemption selects (the Argo CD and istiod charts' ClusterRoles, say).
// Any other exemption without a namespace (one for a namespaced kind, or a kind alone) is not
// carried: the rule then holds in the cluster, failing closed. Expired exemptions are left out when
// the manifests are made.
import { configSpecDefaults } from "./settings";
import { Exemption, globPattern, isExpired } from "../lib/exemptions";
import { AdmissionRule, AdmissionRuleSet, celString } from "./rule";
import { WORKLOAD_TARGETS } from "./podTemplate";
import { outsideProviderNamespaces } from "./providerNamespaces";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** One policy's entry of a stack's `--policy-pack-config` file. */
export type PolicyEntry = { enforcementLevel: EnforcementLevel; exemptions?: Exemption[] } & Record<string, unknown>;

export interface AdmissionManifest {
    apiVersion: string;
    kind: string;
    metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
    spec: Record<string, any>;
}

export interface AdmissionPair {
    policy: AdmissionManifest;
    binding: AdmissionManifest;
}

export const ADMISSION_API_VERSION = "admissionregistration.k8s.io/v1";

/** The binding's actions for a pack level: mandatory denies, advisory warns and audits. */
export function validationActions(level: EnforcementLevel): string[] | undefined {
    switch (level) {
        case "mandatory":
        case "remediate":
            return ["Deny"];
        case "advisory":
            return ["Warn", "Audit"];
        default:
            return undefined;
    }
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `platform-<policy>-<control>`: stable per rule, so a level change updates the binding in place. */
export const admissionPolicyName = (rule: AdmissionRule): string => `platform-${rule.policy}-${kebab(rule.control)}`;

/**
 * Pods, ReplicaSets and Jobs a controller creates are judged through that controller, whose pod
 * template they copy (so a chart Deployment's exemption also covers its ReplicaSet and Pods). An
 * owner reference naming a controller that does not exist gets the object garbage-collected.
 */
const CONTROLLED_BY_WORKLOAD = "!(has(object.metadata.ownerReferences) && object.metadata.ownerReferences.exists(r, " +
    "has(r.controller) && r.controller && r.kind in ['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']))";

/** The kinds among the rule's targets that are cluster-scoped (ClusterRole, ClusterRoleBinding). */
export const clusterScopedKinds = (rule: AdmissionRule): string[] => [...new Set(rule.targets.filter((t) => t.clusterScoped === true).map((t) => t.kind))];

const nameSelector = (name: string): string =>
    (name.includes("*") ? `object.metadata.name.matches(${celString(globPattern(name))})` : `object.metadata.name == ${celString(name)}`);

/**
 * CEL true when the exemption selects the object, or undefined when it cannot be carried: it pins a
 * namespace, or it names an object of one of `clusterScoped` (the rule's cluster-scoped kinds) by
 * kind and name. A cluster-scoped object has no namespace, so an exemption pinning one never
 * selects it (in the pack neither).
 */
export function exemptionSelector(e: Exemption, clusterScoped: readonly string[] = []): string | undefined {
    if (e.namespace === undefined) {
        if (e.kind === undefined || e.name === undefined || !clusterScoped.includes(e.kind)) return undefined;
        return `object.kind == ${celString(e.kind)} && ${nameSelector(e.name)}`;
    }
    const parts = [
        // A Namespace counts as being in itself, as in the pack; a cluster-scoped object is in none.
        `(object.kind == 'Namespace' ? object.metadata.name : (has(object.metadata.namespace) ? object.metadata.namespace : '')) == ${celString(e.namespace)}`,
    ];
    if (e.kind !== undefined) parts.push(`object.kind == ${celString(e.kind)}`);
    if (e.name !== undefined) parts.push(nameSelector(e.name));
    return parts.join(" && ");
}

function matchConditions(rule: AdmissionRule, exemptions: readonly Exemption[], now: Date): Array<{ name: string; expression: string }> {
    const conditions: Array<{ name: string; expression: string }> = [];
    if (rule.targets.some((t) => WORKLOAD_TARGETS.some((w) => w.group === t.group && w.kind === t.kind))) {
        conditions.push({ name: "not-controlled-by-a-workload", expression: CONTROLLED_BY_WORKLOAD });
    }
    if (rule.controlPlaneObjects !== undefined) conditions.push({ name: "not-the-control-planes-own", expression: `!(${rule.controlPlaneObjects})` });
    exemptions
        .filter((e) => e.controls.includes(rule.control) && !isExpired(e, now))
        .forEach((e, i) => {
            const selector = exemptionSelector(e, clusterScopedKinds(rule));
            if (selector) conditions.push({ name: `not-exempt-${i + 1}`, expression: `!(${selector})` });
        });
    return conditions;
}

function resourceRules(rule: AdmissionRule): Array<Record<string, any>> {
    const groups = [...new Set(rule.targets.map((t) => t.group))];
    return groups.map((group) => ({
        apiGroups: [group],
        apiVersions: ["*"],
        resources: [...new Set(rule.targets.filter((t) => t.group === group).map((t) => t.resource))],
        operations: ["CREATE", "UPDATE"],
    }));
}

const LABELS = { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "pulumi" };

/** The policy and binding of every rule whose pack policy is not disabled in the stack's config and whose settings leave it on. */
export function admissionManifests(ruleSets: readonly AdmissionRuleSet[], config: Readonly<Record<string, PolicyEntry>>, now: Date): AdmissionPair[] {
    const pairs: AdmissionPair[] = [];
    for (const set of ruleSets) {
        const entry = config[set.spec.policy];
        if (!entry) throw new Error(`the stack's policy config has no entry for ${set.spec.policy}`);
        const actions = validationActions(entry.enforcementLevel);
        if (!actions) continue;
        const settings = { ...configSpecDefaults(set.spec), ...entry };
        for (const rule of set.rules) {
            const cel = rule.cel(settings);
            if (cel === undefined) continue;
            const name = admissionPolicyName(rule);
            const annotations = { "platform.example.com/rule": `${rule.policy}/${rule.control}`, "platform.example.com/level": entry.enforcementLevel };
            pairs.push({
                policy: {
                    apiVersion: ADMISSION_API_VERSION,
                    kind: "ValidatingAdmissionPolicy",
                    metadata: { name, labels: LABELS, annotations },
                    spec: {
                        failurePolicy: "Fail",
                        matchConstraints: { resourceRules: resourceRules(rule) },
                        matchConditions: matchConditions(rule, entry.exemptions ?? [], now),
                        variables: cel.variables.map((v) => ({ name: v.name, expression: v.expression })),
                        validations: [{ expression: cel.expression, messageExpression: cel.messageExpression, reason: "Forbidden" }],
                    },
                },
                binding: {
                    apiVersion: ADMISSION_API_VERSION,
                    kind: "ValidatingAdmissionPolicyBinding",
                    metadata: { name, labels: LABELS, annotations },
                    spec: { policyName: name, validationActions: actions, matchResources: outsideProviderNamespaces() },
                },
            });
        }
    }
    return pairs;
}
