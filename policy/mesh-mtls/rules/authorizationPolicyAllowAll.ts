// `authorizationPolicyAllowAll`: an ALLOW AuthorizationPolicy (no provider) with a rule that has no
// from, to or when matches every request, so it allows everything it selects; in the mesh root
// namespace without a selector or targetRefs, the whole mesh. The message names the first such
// rule by its position: CEL's one-variable macros give no index, so each rule is marked '1' (open)
// or '0' in a string, and the position is that string's indexOf('1').
import { AdmissionRule, celString } from "../../admission/rule";
import { MeshMtlsSettings } from "../modes";
import { AUTHORIZATION_POLICY } from "./kinds";

const empty = (field: string) => `!(has(r.${field}) && size(r.${field}) > 0)`;
const OPEN = ["from", "to", "when"].map(empty).join(" && ");

export const authorizationPolicyAllowAll: AdmissionRule = {
    policy: "mesh-mtls",
    control: "authorizationPolicyAllowAll",
    targets: [AUTHORIZATION_POLICY],
    cel: (settings) => {
        const { rootNamespace } = settings as MeshMtlsSettings;
        return {
            variables: [
                {
                    name: "allows",
                    expression: "!has(object.spec) || ((!has(object.spec.action) || object.spec.action == 'ALLOW') && !has(object.spec.provider))",
                },
                {
                    name: "open",
                    expression: `has(object.spec) && has(object.spec.rules) ? object.spec.rules.map(r, ${OPEN} ? '1' : '0').join('').indexOf('1') : -1`,
                },
            ],
            expression: "!variables.allows || variables.open < 0",
            messageExpression: "'rule ' + string(variables.open + 1) + ' has no from, to or when, so it allows every request to ' + " +
                `(object.metadata.namespace == ${celString(rootNamespace)} && !has(object.spec.selector) && !has(object.spec.targetRefs) ` +
                "? 'every workload of the mesh (mesh root namespace)' : 'every workload it selects')",
        };
    },
};
