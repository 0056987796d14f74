// `peerAuthentication`: no PeerAuthentication sets a mode weaker than the stack's minimum, for the
// workloads it selects or on any of their ports (portLevelMtls). UNSET inherits, so it is never
// weaker itself (at the mesh root it is meshRootUnset's). Each weak setting is one problem; a rule
// reports one message, the problems joined by "; ". portLevelMtls is a map: the API server visits
// its ports in no set order, so with two weak ports the message may name them in another order.
import { AdmissionRule, celList } from "../../admission/rule";
import { MeshMtlsSettings, weakerModes, weakerThanMinimum } from "../modes";
import { PEER_AUTHENTICATION, SETS_MTLS_MODE } from "./kinds";

export const peerAuthentication: AdmissionRule = {
    policy: "mesh-mtls",
    control: "peerAuthentication",
    targets: [PEER_AUTHENTICATION],
    cel: (settings) => {
        const { minimumMode } = settings as MeshMtlsSettings;
        const weaker = celList(weakerModes(minimumMode));
        const tail = weakerThanMinimum(minimumMode);
        return {
            variables: [
                { name: "mode", expression: `${SETS_MTLS_MODE} ? object.spec.mtls.mode : ''` },
                { name: "ports", expression: "has(object.spec) && has(object.spec.portLevelMtls) ? object.spec.portLevelMtls : {}" },
                {
                    name: "problems",
                    // [setting].exists(s, …) names the port's setting, so has() reads a field of it
                    // (the pack's evaluator takes no index inside has()).
                    expression: `(variables.mode in ${weaker} ? ['sets mtls.mode ' + variables.mode + ${tail}] : []) + ` +
                        `variables.ports.filter(p, [variables.ports[p]].exists(s, has(s.mode) && s.mode in ${weaker}))` +
                        `.map(p, 'sets portLevelMtls[' + p + '].mode ' + variables.ports[p].mode + ${tail})`,
                },
            ],
            expression: "size(variables.problems) == 0",
            messageExpression: "variables.problems.join('; ')",
        };
    },
};
