// `mesh-mtls`: PeerAuthentication never below the stack's mode; DestinationRules never turn
// client mTLS off (DISABLE) or down to one-way TLS (SIMPLE) for hosts inside the mesh.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { kubeType } from "../lib/kubeType";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { reporterFor } from "../lib/report";
import { destinationRuleProblems } from "./destinationRule";
import { MtlsMode } from "./modes";
import { peerAuthenticationProblems } from "./peerAuthentication";

interface MeshMtlsConfig extends WithExemptions {
    minimumMode: MtlsMode;
    clusterDomain: string;
}

const spec = configSpec("mesh-mtls", ["peerAuthentication", "destinationRule"], {
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
    description: "Mesh mTLS is never weakened below the stack's mode, through PeerAuthentication or DestinationRule.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: spec.schema,
    validateResource: (args, report) => {
        const t = kubeType(args.type);
        const isPeerAuthentication = t?.group === "security.istio.io" && t.kind === "PeerAuthentication";
        const isDestinationRule = t?.group === "networking.istio.io" && t.kind === "DestinationRule";
        if (!isPeerAuthentication && !isDestinationRule) return args.notApplicable("not a PeerAuthentication or DestinationRule");
        const config = readConfig<MeshMtlsConfig>(args, spec);
        const reportObject = reporterFor(report, withDefaultNamespace(argsRef(args)), config.exemptions);
        if (isPeerAuthentication) peerAuthenticationProblems(args.props, config.minimumMode).forEach((p) => reportObject("peerAuthentication", p));
        else destinationRuleProblems(args.props, config.clusterDomain).forEach((p) => reportObject("destinationRule", p));
    },
};
