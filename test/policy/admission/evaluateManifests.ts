// What the API server does with the generated ValidatingAdmissionPolicies for one object, read from
// the manifests alone (not from the rules they came from): match the resource and operation, check
// every matchCondition, then the variables and validations, and apply the binding's actions.
import { evaluateCondition, evaluateValidation } from "../../../policy/admission/cel";
import { AdmissionPair } from "../../../policy/admission";

/** Kubernetes' resource for each kind the cases use: written out here, as the API's discovery gives it. */
export const RESOURCE_OF: Readonly<Record<string, { group: string; resource: string }>> = {
    Pod: { group: "", resource: "pods" },
    Service: { group: "", resource: "services" },
    Deployment: { group: "apps", resource: "deployments" },
    DaemonSet: { group: "apps", resource: "daemonsets" },
    CronJob: { group: "batch", resource: "cronjobs" },
    VirtualService: { group: "networking.istio.io", resource: "virtualservices" },
    DestinationRule: { group: "networking.istio.io", resource: "destinationrules" },
    ServiceEntry: { group: "networking.istio.io", resource: "serviceentries" },
    EnvoyFilter: { group: "networking.istio.io", resource: "envoyfilters" },
    PeerAuthentication: { group: "security.istio.io", resource: "peerauthentications" },
    AuthorizationPolicy: { group: "security.istio.io", resource: "authorizationpolicies" },
    Ingress: { group: "networking.k8s.io", resource: "ingresses" },
    ServiceMonitor: { group: "monitoring.coreos.com", resource: "servicemonitors" },
    PodMonitor: { group: "monitoring.coreos.com", resource: "podmonitors" },
    Role: { group: "rbac.authorization.k8s.io", resource: "roles" },
    ClusterRole: { group: "rbac.authorization.k8s.io", resource: "clusterroles" },
    RoleBinding: { group: "rbac.authorization.k8s.io", resource: "rolebindings" },
    ClusterRoleBinding: { group: "rbac.authorization.k8s.io", resource: "clusterrolebindings" },
};

export interface AdmissionOutcome {
    policy: string;
    actions: string[];
    message: string;
}

/** The failed validations for `object` on CREATE, with their bindings' actions. */
export function admissionOutcomes(pairs: readonly AdmissionPair[], object: Record<string, any>, namespaceObject: Record<string, any> | null): AdmissionOutcome[] {
    const group = object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "";
    // Both Gateway kinds (Istio's and the Gateway API's) are `gateways` in their own group.
    const known = object.kind === "Gateway" ? { group, resource: "gateways" } : RESOURCE_OF[object.kind];
    if (known === undefined || known.group !== group) throw new Error(`no resource known for ${object.apiVersion} ${object.kind}`);
    const resource = known.resource;
    const outcomes: AdmissionOutcome[] = [];
    for (const { policy, binding } of pairs) {
        const rules: Array<Record<string, any>> = policy.spec.matchConstraints.resourceRules;
        const matched = rules.some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.operations.includes("CREATE"));
        if (!matched) continue;
        if (!policy.spec.matchConditions.every((c: { expression: string }) => evaluateCondition(c.expression, object))) continue;
        for (const validation of policy.spec.validations) {
            const verdict = evaluateValidation({ variables: policy.spec.variables, ...validation }, object, namespaceObject);
            if (!verdict.valid) outcomes.push({ policy: policy.metadata.name, actions: binding.spec.validationActions, message: verdict.message });
        }
    }
    return outcomes;
}
