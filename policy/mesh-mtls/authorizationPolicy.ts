// An ALLOW AuthorizationPolicy with a rule that has no from, to or when matches every request, so
// it allows everything it selects; in the mesh root namespace without a selector, the whole mesh.
export function authorizationPolicyProblems(props: Record<string, any>, namespace: string, rootNamespace: string): string[] {
    const spec = props.spec ?? {};
    const action = spec.action ?? "ALLOW";
    if (action !== "ALLOW" || spec.provider !== undefined) return [];
    const rules: Array<Record<string, any>> = Array.isArray(spec.rules) ? spec.rules : [];
    const open = rules.findIndex((r) => ["from", "to", "when"].every((k) => !Array.isArray(r?.[k]) || r[k].length === 0));
    if (open < 0) return [];
    const scope = namespace === rootNamespace && spec.selector === undefined && spec.targetRefs === undefined
        ? "every workload of the mesh (mesh root namespace)" : "every workload it selects";
    return [`rule ${open + 1} has no from, to or when, so it allows every request to ${scope}`];
}
