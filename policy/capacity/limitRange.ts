// LimitRange bounds: every container's request and limit (after the range's defaults) lies within
// the `Container` item's min and max, and limit/request within maxLimitRequestRatio; the API
// server rejects the pod otherwise.
import { quantityValue } from "@reference-platform/grammar";
import { CapacityCheck } from "./check";
import { formatQuantity } from "./format";
import { RESOURCES } from "./workloads";

export const limitRangeBounds: CapacityCheck = (ctx) => {
    for (const lr of ctx.index.ofKind("LimitRange")) {
        const items = (lr.resource.props.spec?.limits ?? []).filter((i: any) => i?.type === "Container");
        for (const w of ctx.workloads.get(lr.ref.namespace) ?? []) {
            const owner = `${w.workload.kind} ${w.workload.ref.namespace}/${w.workload.ref.name}`;
            for (const c of w.containers) {
                for (const item of items) {
                    for (const r of RESOURCES) {
                        const min = quantityValue(item.min?.[r]);
                        const max = quantityValue(item.max?.[r]);
                        const ratio = quantityValue(item.maxLimitRequestRatio?.[r]);
                        for (const field of ["requests", "limits"] as const) {
                            const v = c[field][r];
                            if (v === undefined) continue;
                            if (min !== undefined && v < min) {
                                ctx.report(lr, `${owner} container "${c.name}" ${field}.${r} ${formatQuantity(r, v)} < min ${formatQuantity(r, min)}`);
                            }
                            if (max !== undefined && v > max) {
                                ctx.report(lr, `${owner} container "${c.name}" ${field}.${r} ${formatQuantity(r, v)} > max ${formatQuantity(r, max)}`);
                            }
                        }
                        if (max !== undefined && c.limits[r] === undefined) {
                            ctx.report(lr, `${owner} container "${c.name}" sets no limits.${r}, which max ${formatQuantity(r, max)} requires`);
                        }
                        const request = c.requests[r];
                        const limit = c.limits[r];
                        if (ratio !== undefined && request && limit !== undefined && limit / request > ratio) {
                            ctx.report(lr, `${owner} container "${c.name}" limit/request of ${r} ${Number((limit / request).toFixed(3))} > maxLimitRequestRatio ${ratio}`);
                        }
                    }
                }
            }
        }
    }
};
