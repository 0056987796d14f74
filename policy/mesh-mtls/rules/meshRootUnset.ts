// `meshRootUnset`: the mesh-wide PeerAuthentication (in the mesh root namespace, no selector) does
// not leave its mode UNSET or out: it has no parent to inherit from, so Istio treats it as
// PERMISSIVE. Only a stack whose minimum is STRICT has something to refuse, so only there is there
// a policy.
import { AdmissionRule, celString } from "../../admission/rule";
import { MeshMtlsSettings, weakerModes } from "../modes";
import { PEER_AUTHENTICATION, SETS_MTLS_MODE } from "./kinds";

export const meshRootUnset: AdmissionRule = {
    policy: "mesh-mtls",
    control: "meshRootUnset",
    targets: [PEER_AUTHENTICATION],
    // A patch that leaves the mode out leaves it to the live object.
    judgesUnsetFields: true,
    cel: (settings) => {
        const { minimumMode, rootNamespace } = settings as MeshMtlsSettings;
        if (!weakerModes(minimumMode).includes("PERMISSIVE")) return undefined;
        return {
            variables: [],
            expression: `!(object.metadata.namespace == ${celString(rootNamespace)} && !(has(object.spec) && has(object.spec.selector)) && ` +
                `(!${SETS_MTLS_MODE} || object.spec.mtls.mode == 'UNSET'))`,
            messageExpression: `'leaves mtls.mode ' + (${SETS_MTLS_MODE} ? object.spec.mtls.mode : 'unset') + ` +
                celString(` at the mesh root, which Istio treats as PERMISSIVE, weaker than this stack's minimum ${minimumMode}`),
        };
    },
};
