// What is wrong with one RBAC rule. Role and ClusterRole share these; the cluster-wide Secrets
// read only matters for a ClusterRole.

const PRIVILEGE_VERBS = ["escalate", "bind", "impersonate"];
const READ_VERBS = ["get", "list", "watch"];
const INTERACTIVE_SUBRESOURCES = ["pods/exec", "pods/attach"];

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function ruleProblems(rule: Record<string, any>, clusterWide: boolean): string[] {
    const verbs = strings(rule?.verbs);
    const resources = strings(rule?.resources);
    const apiGroups = strings(rule?.apiGroups);
    const problems: string[] = [];
    for (const [field, values] of [["verbs", verbs], ["resources", resources], ["apiGroups", apiGroups]] as const) {
        if (values.includes("*")) problems.push(`uses a wildcard in ${field}`);
    }
    const privileged = PRIVILEGE_VERBS.filter((v) => verbs.includes(v));
    if (privileged.length > 0) problems.push(`grants ${privileged.join(", ")}`);
    const interactive = INTERACTIVE_SUBRESOURCES.filter((r) => resources.includes(r));
    if (interactive.length > 0) problems.push(`grants ${interactive.join(" and ")} (interactive access to running containers)`);
    const coreGroup = apiGroups.includes("") || apiGroups.includes("*");
    const secrets = resources.includes("secrets") || resources.includes("*");
    const reads = verbs.includes("*") || READ_VERBS.some((v) => verbs.includes(v));
    if (clusterWide && coreGroup && secrets && reads) problems.push("reads Secrets cluster-wide");
    return problems;
}
