// `ingressTls`: every host an Ingress serves is covered by one of its tls entries, exactly or by a
// "*.domain" wildcard one label deep. A rule without a host serves "*", and so does a default
// backend when there are no rules. CEL has no way to drop repeats from a list, so a host that two
// rules name is listed twice in the message (the verdict is the same).
import { AdmissionRule } from "../../admission/rule";

const COVERED = "has(object.spec.tls) && object.spec.tls.exists(t, has(t.hosts) && t.hosts.exists(x, x == h || " +
    "(x.startsWith('*.') && h.indexOf('.') >= 0 && h.substring(h.indexOf('.')) == x.substring(1))))";

export const ingressTls: AdmissionRule = {
    policy: "service-exposure",
    control: "ingressTls",
    targets: [{ group: "networking.k8s.io", kind: "Ingress", resource: "ingresses" }],
    cel: () => ({
        variables: [
            { name: "ruleHosts", expression: "has(object.spec) && has(object.spec.rules) ? object.spec.rules.map(r, has(r.host) ? r.host : '*') : []" },
            {
                name: "hosts",
                expression: "size(variables.ruleHosts) == 0 && has(object.spec) && has(object.spec.defaultBackend) ? ['*'] : variables.ruleHosts",
            },
            { name: "uncovered", expression: `variables.hosts.filter(h, !(${COVERED}))` },
        ],
        expression: "size(variables.uncovered) == 0",
        messageExpression: "'serves ' + variables.uncovered.map(h, '\"' + h + '\"').join(', ') + ' without TLS; add a spec.tls entry for each host'",
    }),
};
