// Which kinds are cluster-scoped: the v4 Chart gives every namespaced object without a namespace
// the Chart's namespace, and asks the cluster (or a CRD in the same set of objects) which kinds
// are namespaced. Offline, the built-in answer is this table (from the Kubernetes API reference)
// and a CustomResourceDefinition's spec.scope answers for its own kind.

/** Built-in cluster-scoped kinds, by API group ("" is the core group). */
const CLUSTER_SCOPED_BUILTINS: Record<string, readonly string[]> = {
    "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
    "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
    "apiextensions.k8s.io": ["CustomResourceDefinition"],
    "apiregistration.k8s.io": ["APIService"],
    "admissionregistration.k8s.io": [
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
        "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
    ],
    "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"],
    "scheduling.k8s.io": ["PriorityClass"],
    "node.k8s.io": ["RuntimeClass"],
    "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR"],
    "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
    "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
    "resource.k8s.io": ["DeviceClass", "ResourceSlice"],
    "gateway.networking.k8s.io": ["GatewayClass"],
};

export type Scope = "Namespaced" | "Cluster" | "Unknown";

/** Built-in API groups: a kind in one of these that the table does not list is namespaced. */
const BUILTIN_GROUPS = new Set([
    ...Object.keys(CLUSTER_SCOPED_BUILTINS),
    "apps", "batch", "autoscaling", "policy", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io",
]);

export function groupOf(apiVersion: string): string {
    const slash = apiVersion.indexOf("/");
    return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** `crdScopes` maps "<group>/<Kind>" to a CRD's spec.scope, from the objects being rendered. */
export function scopeOf(apiVersion: string, kind: string, crdScopes: ReadonlyMap<string, string>): Scope {
    const group = groupOf(apiVersion);
    const crdScope = crdScopes.get(`${group}/${kind}`);
    if (crdScope === "Namespaced" || crdScope === "Cluster") return crdScope;
    if (CLUSTER_SCOPED_BUILTINS[group]?.includes(kind)) return "Cluster";
    return BUILTIN_GROUPS.has(group) ? "Namespaced" : "Unknown";
}
