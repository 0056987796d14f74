// `mesh-mtls`: PeerAuthentication never below the stack's mode (UNSET at the mesh root counts as
// PERMISSIVE); DestinationRules never turn client mTLS off (DISABLE) or down to one-way TLS
// (SIMPLE) for hosts inside the mesh; no AuthorizationPolicy allows every request.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { notApplicable } from "../lib/notApplicable";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { reporterFor } from "../lib/report";
import { authorizationPolicyProblems } from "./authorizationPolicy";
import { destinationRuleProblems } from "./destinationRule";
import { MtlsMode } from "./modes";
import { peerAuthenticationProblems } from "./peerAuthentication";

interface MeshMtlsConfig extends WithExemptions {
    minimumMode: MtlsMode;
    rootNamespace: string;
    clusterDomain: string;
}

const spec = configSpec("mesh-mtls", ["peerAuthentication", "meshRootUnset", "destinationRule", "authorizationPolicyAllowAll"], {
    rootNamespace: {
        type: "string",
        minLength: 1,
        default: "istio-system",
        description: "Istio's mesh root namespace (meshConfig.rootNamespace): policies there without a selector apply to the whole mesh.",
    },
    minimumMode: {
        type: "string",
        enum: ["PERMISSIVE", "STRICT"],
        default: "STRICT",
        description: "The weakest PeerAuthentication mode (mesh-wide, namespace, workload or port level) allowed.",
    },
    clusterDomain: {
        type: "string",
        default: "cluster.local",
        description: "The cluster's DNS domain, to tell mesh hosts from external ones in DestinationRules.",
    },
});

export const meshMtls: ResourceValidationPolicy = {
    name: "mesh-mtls",
    description: "Mesh mTLS is never weakened below the stack's mode, through PeerAuthentication (UNSET at the mesh root included) " +
        "or DestinationRule, and no AuthorizationPolicy allows every request.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: spec.schema,
    validateResource: (args, report) => {
        const t = kubeType(args.type);
        const isPeerAuthentication = t?.group === "security.istio.io" && t.kind === "PeerAuthentication";
        const isDestinationRule = t?.group === "networking.istio.io" && t.kind === "DestinationRule";
        const isAuthorizationPolicy = t?.group === "security.istio.io" && t.kind === "AuthorizationPolicy";
        if (!isPeerAuthentication && !isDestinationRule && !isAuthorizationPolicy) {
            return notApplicable(args, "not a PeerAuthentication, DestinationRule or AuthorizationPolicy");
        }
        const config = readConfig<MeshMtlsConfig>(args, spec);
        const ref = withDefaultNamespace(argsRef(args));
        const reportObject = reporterFor(report, ref, config.exemptions);
        const meshRoot = ref.namespace === config.rootNamespace;
        if (isPeerAuthentication) {
            for (const p of peerAuthenticationProblems(args.props, config.minimumMode, meshRoot)) {
                reportObject(p.includes("at the mesh root") ? "meshRootUnset" : "peerAuthentication", p);
            }
        } else if (isAuthorizationPolicy) {
            authorizationPolicyProblems(args.props, ref.namespace, config.rootNamespace).forEach((p) => reportObject("authorizationPolicyAllowAll", p));
        } else {
            destinationRuleProblems(args.props, config.clusterDomain).forEach((p) => reportObject("destinationRule", p));
        }
    },
};
