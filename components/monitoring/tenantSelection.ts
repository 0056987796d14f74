// What Prometheus takes from the monitors and rules tenants write (they may sync ServiceMonitors,
// PodMonitors and PrometheusRules into their namespace):
// - no file of Prometheus's own: a monitor asking for `bearerTokenFile` or TLS files (its
//   ServiceAccount token, its mesh key) is refused, so it cannot send them to a target it controls;
//   the mesh certificate reaches the services' scrapes through a scrape class the platform defines;
// - no other namespace: monitors' namespace selectors are ignored, each scrapes only its own
//   namespace (the chart then places its own exporters' monitors in their targets' namespaces);
// - every series and alert a namespace's monitor or rule produces carries `namespace` = that
//   namespace, so a team's metrics and alerts cannot pose as another team's.
import { TenantSelectionValues } from "./chartValueTypes";

/** The label Prometheus forces onto what each namespace's objects produce. */
export const ENFORCED_NAMESPACE_LABEL = "namespace";

export function tenantSelectionValues(): TenantSelectionValues {
    return {
        arbitraryFSAccessThroughSMs: { deny: true },
        ignoreNamespaceSelectors: true,
        enforcedNamespaceLabel: ENFORCED_NAMESPACE_LABEL,
    };
}
