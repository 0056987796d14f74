// `destinationRule`: for a host inside the mesh, no traffic policy of a DestinationRule (top level,
// per port, per subset and the subsets' ports) sets client TLS to DISABLE or SIMPLE, which replace
// the mesh's mutual TLS. Each such setting is one problem, in the order the rule lists them; a rule
// reports one message, the problems joined by "; ".
import { AdmissionRule, celList } from "../../admission/rule";
import { meshHostCel, MeshMtlsSettings, WEAKENING_TLS_MODES } from "../modes";
import { DESTINATION_RULE } from "./kinds";

const WEAKENING = celList(WEAKENING_TLS_MODES);

/** CEL string: one problem, for the setting `setting` (a CEL string) names. */
const problem = (setting: string) => `'sets ' + ${setting} + ' for mesh host "' + variables.host + '", replacing mutual TLS (use ISTIO_MUTUAL)'`;

/**
 * CEL list of the problems of the traffic policy `tp` (a CEL expression, set), whose path in the
 * rule `path` (a CEL string) names: its own TLS mode, then each of its ports'.
 */
const trafficPolicyProblems = (tp: string, path: string): string =>
    `(has(${tp}.tls) && has(${tp}.tls.mode) && ${tp}.tls.mode in ${WEAKENING} ? [${problem(`${path} + '.tls.mode ' + ${tp}.tls.mode`)}] : []) + ` +
    `(has(${tp}.portLevelSettings) ? ${tp}.portLevelSettings.filter(p, has(p.tls) && has(p.tls.mode) && p.tls.mode in ${WEAKENING})` +
    `.map(p, ${problem(`${path} + '.portLevelSettings[port ' + (has(p.port) && has(p.port.number) ? string(p.port.number) : 'undefined') + '].tls.mode ' + p.tls.mode`)}) : [])`;

export const destinationRule: AdmissionRule = {
    policy: "mesh-mtls",
    control: "destinationRule",
    targets: [DESTINATION_RULE],
    cel: (settings) => {
        const { clusterDomain } = settings as MeshMtlsSettings;
        return {
            variables: [
                { name: "host", expression: "has(object.spec) && has(object.spec.host) ? object.spec.host : ''" },
                { name: "meshHost", expression: meshHostCel("variables.host", clusterDomain) },
                {
                    name: "topProblems",
                    expression: `has(object.spec) && has(object.spec.trafficPolicy) ? ${trafficPolicyProblems("object.spec.trafficPolicy", "'trafficPolicy'")} : []`,
                },
                // CEL has no flatten in both evaluators: each subset's problems are joined into one
                // entry (none for a subset without), which the message joins the same way.
                {
                    name: "subsetProblems",
                    expression: "has(object.spec) && has(object.spec.subsets) ? object.spec.subsets.map(s, has(s.trafficPolicy) ? " +
                        `(${trafficPolicyProblems("s.trafficPolicy", "'subsets[' + (has(s.name) ? s.name : 'undefined') + '].trafficPolicy'")}).join('; ') : '')` +
                        ".filter(t, t != '') : []",
                },
            ],
            expression: "!variables.meshHost || size(variables.topProblems) + size(variables.subsetProblems) == 0",
            messageExpression: "(variables.topProblems + variables.subsetProblems).join('; ')",
        };
    },
};
