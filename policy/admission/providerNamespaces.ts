// Namespaces the cluster and its provider run, not the platform: kube-proxy, CoreDNS, the cloud's
// CNI and node agents live there, are updated by the provider, and are not in any stack. The
// admission bindings leave them out, as Gatekeeper's and Kyverno's defaults do; otherwise a prod
// rule (limits, digests) would deny the provider's own rollout. Cluster-scoped objects are still
// judged: a namespace selector never skips them.
export const PROVIDER_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease"];

/** The binding's matchResources: every namespace but the provider's. */
export const outsideProviderNamespaces = () => ({
    namespaceSelector: {
        matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [...PROVIDER_NAMESPACES] }],
    },
});
