// `capacity`: what the stack asks of each namespace fits what the namespace allows: ResourceQuota
// at the HPA maximum plus rollout surge, LimitRange min/max per container, and disruption budgets
// that let a node drain. Each finding gives the numbers.
import { StackValidationPolicy } from "@pulumi/policy";
import { ClusterIndex } from "../lib/clusterIndex";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { reporterFor } from "../lib/report";
import { CapacityCheck, CapacityContext } from "./check";
import { disruptionRoom } from "./disruption";
import { limitRangeBounds } from "./limitRange";
import { quotaFit } from "./quota";
import { sizedWorkloads } from "./workloads";

/** Each check with the control an exemption names to waive it. */
const CHECKS: readonly { control: string; check: CapacityCheck }[] = [
    { control: "quota", check: quotaFit },
    { control: "limitRange", check: limitRangeBounds },
    { control: "disruptionBudget", check: disruptionRoom },
];

const config = configSpec("capacity", CHECKS.map((c) => c.control), {});

export const capacity: StackValidationPolicy = {
    name: "capacity",
    description: "Workloads fit their namespace: ResourceQuota at the HPA maximum, LimitRange bounds, PodDisruptionBudgets that allow a drain.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: config.schema,
    validateStack: (args, report) => {
        const { exemptions } = readConfig<WithExemptions>(args, config);
        const index = new ClusterIndex(args.resources);
        const workloads = sizedWorkloads(index);
        for (const { control, check } of CHECKS) {
            const ctx: CapacityContext = {
                index, workloads,
                report: (object, message) => reporterFor(report, object.ref, exemptions, object.resource.urn)(control, message),
            };
            check(ctx);
        }
    },
};
