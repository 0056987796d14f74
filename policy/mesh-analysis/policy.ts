// `mesh-analysis` and `mesh-analysis-warnings`: Istio's configuration analyzers (istioctl analyze,
// release 1.29 semantics and message codes) run over the stack before deploy, so a route to a
// missing subset or a Gateway without gateway pods fails the preview. Upstream gives each message
// a level, and `istioctl analyze` fails only on Error by default; the SDK gives a policy one
// enforcement level, so the analyzers run once per policy and each policy reports the levels it
// owns: Error in `mesh-analysis` (mandatory where the stack gates the mesh), Warning and Info in
// `mesh-analysis-warnings` (advisory in every stack).
import { StackValidationPolicy } from "@pulumi/policy";
import { ClusterIndex } from "../lib/clusterIndex";
import { configSpec, readConfig } from "../lib/config";
import { decideExemption, expiredNote } from "../lib/exemptions";
import { describeRef } from "../lib/objectRef";
import { ANALYZERS } from "./analyzers";
import { MeshAnalysisConfig, MeshContext } from "./context";
import { HostRegistry } from "./hosts";
import { Level, MESSAGES } from "./messages";

/** A policy over the analyzers' findings of the given upstream levels. */
function meshAnalysisPolicy(name: string, levels: readonly Level[], description: string): StackValidationPolicy {
    const owned = Object.values(MESSAGES).filter((m) => levels.includes(m.level));
    /** Exemptions name the analyzer messages they waive by code (IST0118, ...): this policy's own. */
    const config = configSpec(name, [...new Set(owned.map((m) => m.code))], {
        clusterDomain: { type: "string", default: "cluster.local", description: "DNS suffix of Service hosts." },
        trustDomain: { type: "string", default: "cluster.local", description: "SPIFFE trust domain of principals (<trustDomain>/ns/<ns>/sa/<account>)." },
        meshRootNamespace: { type: "string", default: "istio-system", description: "Istio's root namespace: its policies apply mesh-wide." },
        crossTeamAnnotation: {
            type: "string", default: "platform.example.com/cross-team-calls",
            description: "Annotation recording, as JSON, each service's calls to other teams and the callers it accepts: " +
                "on a team's Namespace (the platform's config) and on a service's NetworkPolicy (a team's program).",
        },
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
    return {
        name,
        description,
        enforcementLevel: "advisory",
        severity: "high",
        configSchema: config.schema,
        validateStack: (args, report) => {
            const settings = readConfig<MeshAnalysisConfig>(args, config);
            const index = new ClusterIndex(args.resources);
            const ctx: MeshContext = {
                index, config: settings, hosts: new HostRegistry(index, settings.clusterDomain),
                report: (type, object, text) => {
                    if (!levels.includes(type.level)) return;
                    const decision = decideExemption(settings.exemptions, object.ref, type.code);
                    if (decision.exempt) return;
                    const note = decision.expired ? expiredNote(decision.expired) : "";
                    report(`${type.code} ${describeRef(object.ref)}: ${text} [${type.name}, ${type.level}]${note}`, object.resource.urn);
                },
            };
            for (const analyze of ANALYZERS) analyze(ctx);
        },
    };
}

export const meshAnalysis = meshAnalysisPolicy("mesh-analysis", ["Error"],
    "Istio configuration connects (istioctl analyze, Error level): routes, subsets, gateways, selectors, principals.");

export const meshAnalysisWarnings = meshAnalysisPolicy("mesh-analysis-warnings", ["Warning", "Info"],
    "Istio analyzer findings upstream rates Warning or Info: hosts outside the registry, selectors with no workload yet, port names.");
