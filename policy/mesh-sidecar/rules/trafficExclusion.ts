// `trafficExclusion`: in a mesh namespace, no pod template sends traffic around its sidecar with a
// non-empty `traffic.sidecar.istio.io/exclude*` annotation (excludeInboundPorts,
// excludeOutboundPorts, excludeOutboundIPRanges, excludeInterfaces): that traffic bypasses mTLS
// and every AuthorizationPolicy, while the pod still looks meshed.
import { MESH_NAMESPACE_VARIABLES } from "../../admission/meshNamespace";
import { POD_TEMPLATE_VARIABLES, WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule } from "../../admission/rule";

const EXCLUDED = "variables.podAnnotations.filter(k, k.startsWith('traffic.sidecar.istio.io/exclude') && variables.podAnnotations[k] != '')";

export const trafficExclusion: AdmissionRule = {
    policy: "mesh-sidecar",
    control: "trafficExclusion",
    targets: WORKLOAD_TARGETS,
    cel: () => ({
        variables: [...POD_TEMPLATE_VARIABLES, ...MESH_NAMESPACE_VARIABLES, { name: "excluded", expression: EXCLUDED }],
        expression: "!variables.inMesh || size(variables.excluded) == 0",
        messageExpression: "'sends traffic around its sidecar (' + variables.excluded.join(', ') + ') in mesh namespace ' + " +
            "object.metadata.namespace + ': that traffic skips mTLS and every AuthorizationPolicy'",
    }),
};
