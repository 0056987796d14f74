// The cluster's DNS domain (the kubelet's --cluster-domain), which Service host names end in and
// Istio's trust domain defaults to. Components take it as an argument; this is its one default.
export const DEFAULT_CLUSTER_DOMAIN = "cluster.local";

/** The fully qualified host of a Service. */
export function serviceHost(service: string, namespace: string, clusterDomain: string = DEFAULT_CLUSTER_DOMAIN): string {
    return `${service}.${namespace}.svc.${clusterDomain}`;
}
