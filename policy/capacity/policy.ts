// `capacity`: what the stack asks of each namespace fits what the namespace allows: ResourceQuota
// at the HPA maximum plus rollout surge, LimitRange min/max per container, and disruption budgets
// that let a node drain. Each finding gives the numbers.
import { StackValidationPolicy } from "@pulumi/policy";
import { ClusterIndex } from "../lib/clusterIndex";
import { configSchema, readConfig, WithExemptions } from "../lib/config";
import { reporterFor } from "../lib/report";
import { CapacityCheck, CapacityContext } from "./check";
import { disruptionRoom } from "./disruption";
import { limitRangeBounds } from "./limitRange";
import { quotaFit } from "./quota";
import { sizedWorkloads } from "./workloads";

const schema = configSchema({});

const CHECKS: readonly CapacityCheck[] = [quotaFit, limitRangeBounds, disruptionRoom];

export const capacity: StackValidationPolicy = {
    name: "capacity",
    description: "Workloads fit their namespace: ResourceQuota at the HPA maximum, LimitRange bounds, PodDisruptionBudgets that allow a drain.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: schema,
    validateStack: (args, report) => {
        const config = readConfig<WithExemptions>(args, schema);
        const index = new ClusterIndex(args.resources);
        const ctx: CapacityContext = {
            index, workloads: sizedWorkloads(index),
            report: (object, message) => reporterFor(report, object.ref, config.exemptions, object.resource.urn)(message),
        };
        for (const check of CHECKS) check(ctx);
    },
};
