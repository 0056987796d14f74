// The findings `tenant-isolation` reports, one table: a code per finding (TEN0xx, stable, for
// looking a finding up in policy/README.md), the control an exemption names, and the text.
// Each text says what the object could do to other namespaces, not just which field is wrong; a %s
// is filled by the rule's CEL (tenantRule.ts). TEN006 (pods opted out of the mesh) moved to
// `mesh-sidecar`, which judges every mesh namespace, tenants' included.
export interface TenantMessage {
    code: string;
    control: string;
    text: string;
}

const message = (code: string, control: string, text: string): TenantMessage => ({ code, control, text });

export const MESSAGES = {
    Gateway: message("TEN001", "gateway",
        "is a Gateway in a tenant namespace: gateways and their hosts are the platform's (a team's Gateway could publish any service)"),
    Ingress: message("TEN002", "ingress",
        "is an Ingress in a tenant namespace: exposure goes through the platform's gateway, not around it"),
    RouteExport: message("TEN003", "routeExport",
        "exports routing to %s: a tenant's VirtualService or DestinationRule may be visible only in its own namespace and the ingress gateway's, " +
        "or it competes with another team's for the same host"),
    ServiceEntryExport: message("TEN004", "serviceEntryExport",
        "is a ServiceEntry exported to %s: a tenant's ServiceEntry must say exportTo: [\".\"], or it redirects other namespaces' traffic for its hosts"),
    EnvoyFilter: message("TEN005", "envoyFilter",
        "is an EnvoyFilter in a tenant namespace: it can strip the sidecars' authorization and telemetry filters"),
    MonitorFiles: message("TEN007", "monitorFiles",
        "asks Prometheus for its own files (%s): Prometheus would send its credentials to a target the team controls"),
    MonitorNamespaces: message("TEN008", "monitorNamespaces",
        "selects targets in %s: a team's monitor scrapes only its own namespace"),
    MonitorHonorLabels: message("TEN009", "monitorHonorLabels",
        "sets honorLabels: the target's own labels would win, so its series could claim another namespace"),
    PriorityClass: message("TEN010", "priorityClass",
        "runs at priority class %s, which is reserved for the cluster's own components and would preempt other teams' pods"),
} as const;

export type MessageName = keyof typeof MESSAGES;

export const CONTROLS: readonly string[] = Object.values(MESSAGES).map((m) => m.control);
