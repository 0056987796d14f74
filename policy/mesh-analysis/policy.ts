// `mesh-analysis`: Istio's configuration analyzers (istioctl analyze, release 1.29 semantics and
// message codes) run over the stack before deploy, so a route to a missing subset, a Gateway
// without gateway pods or an AuthorizationPolicy that selects nothing fails the preview.
import { StackValidationPolicy } from "@pulumi/policy";
import { ClusterIndex } from "../lib/clusterIndex";
import { configSpec, readConfig } from "../lib/config";
import { decideExemption, expiredNote } from "../lib/exemptions";
import { describeRef } from "../lib/objectRef";
import { ANALYZERS } from "./analyzers";
import { MeshAnalysisConfig, MeshContext } from "./context";
import { HostRegistry } from "./hosts";
import { MESSAGES } from "./messages";

/** Exemptions name the analyzer messages they waive by code (IST0118, ...). */
const config = configSpec("mesh-analysis", [...new Set(Object.values(MESSAGES).map((m) => m.code))], {
    clusterDomain: { type: "string", default: "cluster.local", description: "DNS suffix of Service hosts." },
    trustDomain: { type: "string", default: "cluster.local", description: "SPIFFE trust domain of principals (<trustDomain>/ns/<ns>/sa/<account>)." },
    meshRootNamespace: { type: "string", default: "istio-system", description: "Istio's root namespace: its policies apply mesh-wide." },
    externalSecrets: {
        type: "array",
        default: [],
        description: "Secrets the stack does not create but the cluster has (e.g. a TLS certificate loaded by an operator), each with a reason.",
        items: {
            type: "object",
            additionalProperties: false,
            required: ["namespace", "name", "reason"],
            properties: {
                namespace: { type: "string", minLength: 1 },
                name: { type: "string", minLength: 1 },
                reason: { type: "string", minLength: 1 },
            },
        },
    },
});

export const meshAnalysis: StackValidationPolicy = {
    name: "mesh-analysis",
    description: "Istio configuration connects: routes, subsets, gateways, selectors, principals, port names (istioctl analyze codes).",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: config.schema,
    validateStack: (args, report) => {
        const settings = readConfig<MeshAnalysisConfig>(args, config);
        const index = new ClusterIndex(args.resources);
        const ctx: MeshContext = {
            index, config: settings, hosts: new HostRegistry(index, settings.clusterDomain),
            report: (type, object, text) => {
                const decision = decideExemption(settings.exemptions, object.ref, type.code);
                if (decision.exempt) return;
                const note = decision.expired ? expiredNote(decision.expired) : "";
                report(`${type.code} ${describeRef(object.ref)}: ${text} [${type.name}, ${type.level}]${note}`, object.resource.urn);
            },
        };
        for (const analyze of ANALYZERS) analyze(ctx);
    },
};
