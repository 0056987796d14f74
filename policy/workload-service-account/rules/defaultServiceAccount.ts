// `defaultServiceAccount`: a workload does not run as its namespace's `default` ServiceAccount while
// that identity means something: a mounted token (every pod of the namespace could act with it) or
// a mesh namespace (the sidecar's SPIFFE identity is the ServiceAccount, so AuthorizationPolicies
// could not tell the workload from any other there). Without a token and outside the mesh the
// default account confers nothing, so a plain Job there may keep it.
import { MESH_NAMESPACE_VARIABLES } from "../../admission/meshNamespace";
import { POD_TEMPLATE_VARIABLES, WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule } from "../../admission/rule";

export const defaultServiceAccount: AdmissionRule = {
    policy: "workload-service-account",
    control: "defaultServiceAccount",
    targets: WORKLOAD_TARGETS,
    cel: () => ({
        variables: [
            ...POD_TEMPLATE_VARIABLES,
            ...MESH_NAMESPACE_VARIABLES,
            {
                name: "account",
                expression: "has(variables.podSpec.serviceAccountName) && variables.podSpec.serviceAccountName != '' ? variables.podSpec.serviceAccountName : " +
                    "(has(variables.podSpec.serviceAccount) && variables.podSpec.serviceAccount != '' ? variables.podSpec.serviceAccount : 'default')",
            },
            {
                name: "mountsToken",
                expression: "!has(variables.podSpec.automountServiceAccountToken) || variables.podSpec.automountServiceAccountToken == true",
            },
        ],
        expression: "variables.account != 'default' || (!variables.mountsToken && !variables.inMesh)",
        messageExpression: "'runs as the namespace\\'s default ServiceAccount with ' + " +
            "(variables.mountsToken ? 'its token mounted' : 'the mesh identity it shares') + " +
            "': every workload there that uses the default account shares that identity; give it a ServiceAccount of its own'",
    }),
};
