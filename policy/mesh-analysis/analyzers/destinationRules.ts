// DestinationRules: the host is a Service or ServiceEntry of the mesh (IST0174); every subset
// selects at least one pod of the host's Service (IST0173); TLS SIMPLE or MUTUAL origination
// names caCertificates, unless a credentialName with a workloadSelector supplies them (IST0128,
// IST0129 per port).
import { IndexedObject } from "../../lib/clusterIndex";
import { Analyzer, formatLabels, MeshContext } from "../context";
import { MESSAGES } from "../messages";

function checkSubsets(ctx: MeshContext, rule: IndexedObject, host: string): void {
    const resolved = ctx.hosts.resolve(host, rule.ref.namespace);
    if (!resolved) {
        const hostNamespace = ctx.hosts.serviceNamespace(host, rule.ref.namespace);
        if (hostNamespace === undefined || !ctx.index.isOpaque(hostNamespace)) {
            ctx.report(MESSAGES.UnknownDestinationRuleHost, rule, `host "${host}" matches no Service or ServiceEntry in the stack`);
        }
        return;
    }
    if (resolved.kind !== "Service" || ctx.index.isOpaque(resolved.namespace)) return;
    const serviceSelector: Record<string, string> = resolved.object.resource.props.spec?.selector ?? {};
    for (const subset of rule.resource.props.spec?.subsets ?? []) {
        const labels = { ...serviceSelector, ...(subset?.labels ?? {}) };
        const pods = ctx.index.workloadsWithLabels(labels, resolved.namespace).filter((w) => w.resource.props.spec?.replicas !== 0);
        if (pods.length > 0) continue;
        ctx.report(MESSAGES.DestinationRuleSubsetNotSelectPods, rule,
            `subset "${subset?.name}" (${formatLabels(labels)}) selects no pod of Service ${resolved.namespace}/${resolved.name}`);
    }
}

const VERIFYING_MODES = ["SIMPLE", "MUTUAL"];

function checkTls(ctx: MeshContext, rule: IndexedObject, host: string): void {
    const spec = rule.resource.props.spec ?? {};
    const verified = (tls: any) => (typeof tls?.caCertificates === "string" && tls.caCertificates !== "") ||
        (typeof tls?.credentialName === "string" && tls.credentialName !== "" && spec.workloadSelector !== undefined);
    const tls = spec.trafficPolicy?.tls;
    if (VERIFYING_MODES.includes(tls?.mode) && !verified(tls)) {
        ctx.report(MESSAGES.NoServerCertificateVerificationDestinationLevel, rule,
            `TLS mode ${tls.mode} to host ${host} sets no caCertificates, so the server's certificate is not verified`);
    }
    for (const port of spec.trafficPolicy?.portLevelSettings ?? []) {
        if (!VERIFYING_MODES.includes(port?.tls?.mode) || verified(port.tls)) continue;
        ctx.report(MESSAGES.NoServerCertificateVerificationPortLevel, rule,
            `TLS mode ${port.tls.mode} to host ${host} port ${port.port?.number} sets no caCertificates, so the server's certificate is not verified`);
    }
}

export const destinationRules: Analyzer = (ctx) => {
    for (const rule of ctx.index.ofKind("DestinationRule")) {
        const host = rule.resource.props.spec?.host;
        if (typeof host !== "string") continue;
        checkSubsets(ctx, rule, host);
        checkTls(ctx, rule, host);
    }
};
