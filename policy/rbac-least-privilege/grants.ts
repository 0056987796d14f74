// What an RBAC rule grants, matched the way the RBAC authorizer matches a request: "*" matches any
// verb, API group or resource; "*/<sub>" matches that subresource of every resource; a rule with
// resourceNames grants only those objects (never a create, never a list of everything).

export interface Rule {
    verbs: string[];
    apiGroups: string[];
    resources: string[];
    resourceNames: string[];
    nonResourceURLs: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function ruleOf(raw: Record<string, any> | undefined): Rule {
    return {
        verbs: strings(raw?.verbs), apiGroups: strings(raw?.apiGroups), resources: strings(raw?.resources),
        resourceNames: strings(raw?.resourceNames), nonResourceURLs: strings(raw?.nonResourceURLs),
    };
}

export const groupMatches = (rule: Rule, group: string): boolean => rule.apiGroups.includes("*") || rule.apiGroups.includes(group);

/** `resource` is "pods" or "pods/exec", as the authorizer combines resource and subresource. */
export function resourceMatches(rule: Rule, resource: string): boolean {
    const slash = resource.indexOf("/");
    const subresource = slash >= 0 ? resource.slice(slash + 1) : "";
    return rule.resources.some((r) => r === "*" || r === resource || (subresource !== "" && r === `*/${subresource}`));
}

/** The verbs of `verbs` the rule grants on every object of group/resource ("*" standing for all of them). */
export function grantedVerbs(rule: Rule, verbs: readonly string[], group: string, resource: string): string[] {
    if (rule.resourceNames.length > 0 || !groupMatches(rule, group) || !resourceMatches(rule, resource)) return [];
    if (rule.verbs.includes("*")) return ["*"];
    return verbs.filter((v) => rule.verbs.includes(v));
}

export interface Target {
    group: string;
    resource: string;
}

/** Every (verbs, target) the rule grants among the targets, e.g. "create on pods/exec". */
export function grantsOn(rule: Rule, verbs: readonly string[], targets: readonly Target[]): string[] {
    const granted: string[] = [];
    for (const target of targets) {
        const v = grantedVerbs(rule, verbs, target.group, target.resource);
        if (v.length > 0) granted.push(`${v.join(", ")} on ${target.group === "" ? "" : `${target.group}/`}${target.resource}`);
    }
    return granted;
}
