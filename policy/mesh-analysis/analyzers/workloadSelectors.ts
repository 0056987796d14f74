// Sidecar and Telemetry selectors: a selector matches a pod of its namespace (IST0101); no pod is
// selected by two of them (IST0110, IST0159); a namespace has at most one without a selector
// (IST0111, IST0160). Silent where an unrendered chart may provide the pods.
import { IndexedObject } from "../../lib/clusterIndex";
import { appendTo } from "../../lib/groups";
import { Analyzer, formatLabels, MeshContext, nameOf } from "../context";
import { MessageType, MESSAGES } from "../messages";

interface Kinds {
    kind: "Sidecar" | "Telemetry";
    labelsOf: (spec: Record<string, any>) => Record<string, string> | undefined;
    conflict: MessageType;
    unselected: MessageType;
}

function analyzeSelectors(ctx: MeshContext, kinds: Kinds): void {
    const selecting = new Map<string, IndexedObject[]>();
    const withoutSelector = new Map<string, IndexedObject[]>();
    for (const object of ctx.index.ofKind(kinds.kind)) {
        const labels = kinds.labelsOf(object.resource.props.spec ?? {});
        const namespace = object.ref.namespace;
        if (!labels || Object.keys(labels).length === 0) {
            appendTo(withoutSelector, namespace, object);
            continue;
        }
        const workloads = ctx.index.workloadsWithLabels(labels, namespace);
        if (workloads.length === 0) {
            if (!ctx.index.isOpaque(namespace)) {
                ctx.report(MESSAGES.ReferencedResourceNotFound, object, `selector ${formatLabels(labels)} matches no workload in namespace ${namespace}`);
            }
            continue;
        }
        for (const w of workloads) {
            const key = `${w.kind} ${w.ref.namespace}/${w.ref.name}`;
            appendTo(selecting, key, object);
        }
    }
    for (const [workload, objects] of selecting) {
        if (objects.length < 2) continue;
        for (const object of objects) {
            const others = objects.filter((o) => o !== object).map(nameOf).join(", ");
            ctx.report(kinds.conflict, object, `selects the pods of ${workload}, as ${others} does`);
        }
    }
    for (const [namespace, objects] of withoutSelector) {
        if (objects.length < 2) continue;
        for (const object of objects) {
            const others = objects.filter((o) => o !== object).map(nameOf).join(", ");
            ctx.report(kinds.unselected, object, `has no workload selector in namespace ${namespace}, like ${others}`);
        }
    }
}

export const sidecarSelectors: Analyzer = (ctx) => analyzeSelectors(ctx, {
    kind: "Sidecar", labelsOf: (spec) => spec.workloadSelector?.labels,
    conflict: MESSAGES.ConflictingSidecarWorkloadSelectors, unselected: MESSAGES.MultipleSidecarsWithoutWorkloadSelectors,
});

export const telemetrySelectors: Analyzer = (ctx) => analyzeSelectors(ctx, {
    kind: "Telemetry", labelsOf: (spec) => spec.selector?.matchLabels,
    conflict: MESSAGES.ConflictingTelemetryWorkloadSelectors, unselected: MESSAGES.MultipleTelemetriesWithoutWorkloadSelectors,
});
