// `pod-disruption-budget`: a Deployment that runs several replicas (directly or through an HPA's
// minReplicas) has a PodDisruptionBudget selecting its pods, so node drains keep it serving.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { selectorMatches } from "../lib/labelSelector";
import { reporterFor } from "../lib/report";
import { byNamespace, ofKind, refOf } from "../lib/stackResources";

interface PdbConfig extends WithExemptions {
    minReplicas: number;
}

const spec = configSpec("pod-disruption-budget", ["missingBudget", "blockingBudget"], {
    minReplicas: {
        type: "integer",
        minimum: 1,
        default: 2,
        description: "Replica count from which a Deployment needs a PodDisruptionBudget.",
    },
});

/** The highest HPA minReplicas per "namespace/deployment". */
function hpaMinimums(resources: readonly PolicyResource[]): Map<string, number> {
    const minimums = new Map<string, number>();
    for (const hpa of ofKind(resources, ["autoscaling"], "HorizontalPodAutoscaler")) {
        const target = hpa.props.spec?.scaleTargetRef;
        if (target?.kind !== "Deployment") continue;
        const key = `${refOf(hpa).namespace ?? "default"}/${target.name}`;
        minimums.set(key, Math.max(minimums.get(key) ?? 0, Number(hpa.props.spec?.minReplicas ?? 1)));
    }
    return minimums;
}

export const podDisruptionBudget: StackValidationPolicy = {
    name: "pod-disruption-budget",
    description: "A Deployment with 2 or more replicas has a PodDisruptionBudget that selects its pods.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<PdbConfig>(args, spec);
        const budgets = byNamespace(ofKind(args.resources, ["policy"], "PodDisruptionBudget"));
        const minimums = hpaMinimums(args.resources);
        for (const deployment of ofKind(args.resources, ["apps"], "Deployment")) {
            const ref = refOf(deployment);
            const namespace = ref.namespace ?? "default";
            const replicas = Math.max(Number(deployment.props.spec?.replicas ?? 1), minimums.get(`${namespace}/${ref.name}`) ?? 0);
            if (replicas < config.minReplicas) continue;
            const labels = deployment.props.spec?.template?.metadata?.labels ?? {};
            const covered = (budgets.get(namespace) ?? []).some((pdb) => selectorMatches(pdb.props.spec?.selector, labels));
            if (!covered) {
                reporterFor(report, { ...ref, namespace }, config.exemptions, deployment.urn)("missingBudget",
                    `runs ${replicas} replicas but no PodDisruptionBudget in namespace ${namespace} selects its pods`);
            }
        }
    },
};
