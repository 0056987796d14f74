// `injectDisabled`: in a mesh namespace, no pod template turns its sidecar off with
// `sidecar.istio.io/inject: "false"` (label or annotation): such pods skip mTLS and every
// AuthorizationPolicy, and reach the mesh's services as plaintext callers.
import { MESH_NAMESPACE_VARIABLES } from "../../admission/meshNamespace";
import { POD_TEMPLATE_VARIABLES, WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule } from "../../admission/rule";

const KEY = "sidecar.istio.io/inject";
const off = (map: string) => `("${KEY}" in variables.${map} && variables.${map}["${KEY}"] == "false")`;

export const injectDisabled: AdmissionRule = {
    policy: "mesh-sidecar",
    control: "injectDisabled",
    targets: WORKLOAD_TARGETS,
    cel: () => ({
        variables: [...POD_TEMPLATE_VARIABLES, ...MESH_NAMESPACE_VARIABLES],
        expression: `!variables.inMesh || !(${off("podAnnotations")} || ${off("podLabels")})`,
        messageExpression: "'opts its pods out of the mesh (' + " +
            `((${off("podAnnotations")} ? ['${KEY} annotation "false"'] : []) + (${off("podLabels")} ? ['${KEY} label "false"'] : [])).join(', ') + ` +
            "') in mesh namespace ' + object.metadata.namespace + ': they would skip mTLS and every AuthorizationPolicy'",
    }),
};
