// `pod-disruption-budget`: a Deployment or StatefulSet that runs several replicas (directly, through
// its HPA's or ScaledObject's minimum, or through the Argo Rollout that runs its pods) has a PodDisruptionBudget selecting its pods, so
// node drains keep it serving; and no budget blocks every eviction, which would stall drains instead.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { reporterFor } from "../lib/report";
import { ofKind, refOf } from "../lib/stackResources";
import { replicaRanges } from "../lib/autoscalers";
import { BudgetIndex } from "./budgetIndex";

interface PdbConfig extends WithExemptions {
    minReplicas: number;
}

const spec = configSpec("pod-disruption-budget", ["missingBudget", "blockingBudget"], {
    minReplicas: {
        type: "integer",
        minimum: 1,
        default: 2,
        description: "Replica count from which a Deployment or StatefulSet needs a PodDisruptionBudget.",
    },
});

const SCALED_KINDS = ["Deployment", "StatefulSet"];

/** The minimum replicas an HPA, ScaledObject or Rollout keeps, per "namespace/kind/name". */
function autoscalerMinimums(resources: readonly PolicyResource[]): Map<string, number> {
    const declared = (groups: string[], kind: string) =>
        ofKind(resources, groups, kind).map((resource) => ({ namespace: refOf(resource).namespace ?? "default", resource }));
    const ranges = replicaRanges(declared(["autoscaling"], "HorizontalPodAutoscaler"), declared(["keda.sh"], "ScaledObject"),
        declared(["argoproj.io"], "Rollout"));
    return new Map([...ranges].map(([key, range]) => [key, range.min]));
}

/** Why a budget allows no eviction of a workload with `replicas` pods, or undefined when it allows one. */
function blocksEvictions(budget: Record<string, any>, replicas: number): string | undefined {
    const { maxUnavailable, minAvailable } = budget.spec ?? {};
    if (maxUnavailable === 0 || maxUnavailable === "0" || maxUnavailable === "0%") return `maxUnavailable ${maxUnavailable}`;
    if (minAvailable === "100%") return "minAvailable 100%";
    if (typeof minAvailable === "number" && minAvailable >= replicas) return `minAvailable ${minAvailable} with ${replicas} replicas`;
    return undefined;
}

export const podDisruptionBudget: StackValidationPolicy = {
    name: "pod-disruption-budget",
    description: "A Deployment or StatefulSet with 2 or more replicas has a PodDisruptionBudget that selects its pods and lets one be evicted.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<PdbConfig>(args, spec);
        const budgets = new BudgetIndex(ofKind(args.resources, ["policy"], "PodDisruptionBudget"));
        const minimums = autoscalerMinimums(args.resources);
        const blocking = new Set<string>();
        for (const kind of SCALED_KINDS) {
            for (const workload of ofKind(args.resources, ["apps"], kind)) {
                const ref = refOf(workload);
                const namespace = ref.namespace ?? "default";
                const replicas = Math.max(Number(workload.props.spec?.replicas ?? 1), minimums.get(`${namespace}/${kind}/${ref.name}`) ?? 0);
                const labels = workload.props.spec?.template?.metadata?.labels ?? {};
                const covering = budgets.selecting(namespace, labels);
                for (const pdb of covering) {
                    const why = blocksEvictions(pdb.props, replicas);
                    if (why === undefined || blocking.has(pdb.urn)) continue;
                    blocking.add(pdb.urn);
                    reporterFor(report, { ...refOf(pdb), namespace }, config.exemptions, pdb.urn)("blockingBudget",
                        `allows no eviction of ${kind} ${namespace}/${ref.name} (${why}), so node drains stall on it`);
                }
                if (replicas >= config.minReplicas && covering.length === 0) {
                    reporterFor(report, { ...ref, namespace }, config.exemptions, workload.urn)("missingBudget",
                        `runs ${replicas} replicas but no PodDisruptionBudget in namespace ${namespace} selects its pods`);
                }
            }
        }
    },
};
