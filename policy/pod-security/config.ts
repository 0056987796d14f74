// Config of `pod-security-standards`, and which level applies to a namespace.
import { configSpec, WithExemptions } from "../lib/config";
import { CONTROLS, PssLevel } from "./controls";
import { KUBERNETES_VERSION_PATTERN, LATEST_KUBERNETES_RELEASE } from "./version";

/** A namespace's Pod Security Admission label value. */
export type NamespaceLevel = PssLevel | "privileged";

export interface PodSecurityConfig extends WithExemptions {
    /** The level of every namespace not listed in namespaceLevels (the tenant namespaces). */
    level: PssLevel;
    /** Per-namespace levels; each must equal the namespace's pod-security.kubernetes.io/enforce label. */
    namespaceLevels: Record<string, NamespaceLevel>;
    /** Kubernetes release whose Pod Security semantics apply, "1.<minor>". */
    kubernetesVersion: string;
}

/** Controls an exemption may name: the upstream control IDs, and the two namespace-label checks. */
export const POD_SECURITY_CONTROLS: readonly string[] = [...CONTROLS.map((c) => c.id), "namespaceLabel", "enforceVersion"];

export const podSecurityConfig = configSpec("pod-security-standards", POD_SECURITY_CONTROLS, {
    level: {
        type: "string",
        enum: ["baseline", "restricted"],
        default: "restricted",
        description: "Pod Security Standards level of namespaces not listed in namespaceLevels.",
    },
    namespaceLevels: {
        type: "object",
        default: {},
        additionalProperties: { type: "string", enum: ["privileged", "baseline", "restricted"] },
        description: "Level per namespace, equal to its pod-security.kubernetes.io/enforce label. Workloads in a " +
            "privileged namespace are still checked at baseline; exemptions waive named controls only.",
    },
    kubernetesVersion: {
        type: "string",
        pattern: KUBERNETES_VERSION_PATTERN,
        default: LATEST_KUBERNETES_RELEASE,
        description: "Kubernetes release (1.<minor>) whose Pod Security Admission semantics apply.",
    },
});

export function namespaceLevel(config: PodSecurityConfig, namespace: string): NamespaceLevel {
    return config.namespaceLevels[namespace] ?? config.level;
}

/** The level workloads are checked at: a privileged namespace still gets baseline, waived only by exemptions. */
export function checkedLevel(level: NamespaceLevel): PssLevel {
    return level === "privileged" ? "baseline" : level;
}
