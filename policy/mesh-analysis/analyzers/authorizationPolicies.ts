// AuthorizationPolicies: a selector matches a workload of the policy's namespace (every
// namespace for the mesh root namespace) (IST0127); source namespaces exist (IST0101); source
// principals `<trust domain>/ns/<ns>/sa/<account>` name a namespace and ServiceAccount that exist
// (IST0101). A policy without a selector applies to the whole namespace, including workloads
// deployed later (a tenant's allow-nothing baseline), so it is not reported for an empty namespace.
// Where an unrendered chart may create the workloads or accounts, the check stays silent, and so
// it does for the services a team declares on its Namespace for calls between teams (config
// crossTeamAnnotation): a team's own program deploys them, in its own stack, each Microservice as
// a ServiceAccount of its name and with pods labelled app.kubernetes.io/name=<name>; likewise for
// the callers a team's program accepts (recorded on its services' NetworkPolicies) in a namespace
// where the stack deploys nothing.
import { IndexedObject } from "../../lib/clusterIndex";
import { Analyzer, formatLabels, MeshContext } from "../context";
import { declarations, teamDeclarations } from "../crossTeamDeclarations";
import { MESSAGES } from "../messages";

function namespaceMatches(pattern: string, namespace: string): boolean {
    if (pattern === "*") return true;
    if (pattern.startsWith("*")) return namespace.endsWith(pattern.slice(1));
    if (pattern.endsWith("*")) return namespace.startsWith(pattern.slice(0, -1));
    return pattern.toLowerCase() === namespace.toLowerCase();
}

function checkSelector(ctx: MeshContext, policy: IndexedObject, declared: ReadonlySet<string>): void {
    const labels: Record<string, string> | undefined = policy.resource.props.spec?.selector?.matchLabels;
    if (!labels || Object.keys(labels).length === 0) return;
    if (declared.has(`${policy.ref.namespace}/${labels["app.kubernetes.io/name"]}`)) return;
    const meshWide = policy.ref.namespace === ctx.config.meshRootNamespace;
    const namespace = meshWide ? undefined : policy.ref.namespace;
    if (ctx.index.workloadsWithLabels(labels, namespace).length > 0 || ctx.index.isOpaque(namespace)) return;
    ctx.report(MESSAGES.NoMatchingWorkloadsFound, policy,
        `selector ${formatLabels(labels)} matches no workload in ${meshWide ? "any namespace" : `namespace ${policy.ref.namespace}`}`);
}

function checkSources(ctx: MeshContext, policy: IndexedObject, namespaces: readonly string[], accounts: ReadonlySet<string>): void {
    const prefix = `${ctx.config.trustDomain}/ns/`;
    (policy.resource.props.spec?.rules ?? []).forEach((rule: any, i: number) => {
        for (const from of rule?.from ?? []) {
            const source = from?.source ?? {};
            for (const pattern of [...(source.namespaces ?? []), ...(source.notNamespaces ?? [])]) {
                if (typeof pattern !== "string" || namespaces.some((ns) => namespaceMatches(pattern, ns))) continue;
                ctx.report(MESSAGES.ReferencedResourceNotFound, policy, `rules[${i}] source namespace "${pattern}" matches no Namespace of the stack`);
            }
            for (const principal of [...(source.principals ?? []), ...(source.notPrincipals ?? [])]) {
                if (typeof principal !== "string" || !principal.startsWith(prefix) || principal.includes("*")) continue;
                const match = /^ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal.slice(ctx.config.trustDomain.length + 1));
                if (!match) continue;
                const [, namespace, account] = match;
                if (!namespaces.includes(namespace)) {
                    ctx.report(MESSAGES.ReferencedResourceNotFound, policy, `rules[${i}] principal "${principal}": Namespace ${namespace} not found`);
                } else if (account !== "default" && !accounts.has(`${namespace}/${account}`) && !ctx.index.isOpaque(namespace)) {
                    ctx.report(MESSAGES.ReferencedResourceNotFound, policy, `rules[${i}] principal "${principal}": ServiceAccount ${namespace}/${account} not found`);
                }
            }
        }
    });
}

/** `namespace/service` of every service a team's Namespace declares for calls between teams. */
function declaredTeamServices(ctx: MeshContext): string[] {
    return ctx.index.ofKind("Namespace")
        .flatMap((ns) => Object.keys(teamDeclarations(ns, ctx.config.crossTeamAnnotation)).map((service) => `${ns.ref.name}/${service}`));
}

/**
 * `namespace/service` of the callers a team's program accepts (recorded on its services'
 * NetworkPolicies) in a namespace where this stack deploys no workload: the other team's program
 * deploys them, in its own stack.
 */
function acceptedProgramCallers(ctx: MeshContext): string[] {
    return declarations((kind) => ctx.index.ofKind(kind), ctx.config.crossTeamAnnotation)
        .filter((d) => d.way === "program")
        .flatMap((d) => Object.values(d.services).flatMap((declared) => (Array.isArray(declared?.accepts) ? declared.accepts : [])))
        .filter((ref): ref is string => typeof ref === "string" && ref.includes("/") && ctx.index.workloads(ref.split("/")[0]).length === 0);
}

export const authorizationPolicies: Analyzer = (ctx) => {
    const namespaces = [...ctx.index.namespaces];
    const declared = new Set(declaredTeamServices(ctx));
    const accounts = new Set([...ctx.index.ofKind("ServiceAccount").map((sa) => `${sa.ref.namespace}/${sa.ref.name}`), ...declared,
        ...acceptedProgramCallers(ctx)]);
    for (const policy of ctx.index.ofKind("AuthorizationPolicy")) {
        checkSelector(ctx, policy, declared);
        checkSources(ctx, policy, namespaces, accounts);
    }
};
