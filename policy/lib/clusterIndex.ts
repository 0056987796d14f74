// One pass over a stack's resources: what the cluster will hold, indexed by kind, namespace and
// pod labels, so cross-object checks (mesh analysis, capacity) do lookups instead of scans.
//
// A Helm v4 Chart whose children are not in the stack (preview under mocks, or values unknown at
// preview) hides what it renders: the namespaces it targets are "opaque", and a check that would
// need to know every workload or ServiceAccount there stays silent rather than guess.
import { PolicyResource } from "@pulumi/policy";
import { appendTo } from "./groups";
import { kubeType } from "./kubeType";
import { selectorMatches } from "./labelSelector";
import { ObjectRef } from "./objectRef";
import { podTemplateOf } from "./podTemplate";
import { refOf } from "./stackResources";

/** Namespaces every cluster has. */
const BUILT_IN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Kinds whose name other API groups reuse (e.g. the Gateway API's Gateway): only these groups count. */
const KIND_GROUPS: Record<string, readonly string[]> = {
    Namespace: [""], Service: [""], Secret: [""], ServiceAccount: [""], ResourceQuota: [""], LimitRange: [""],
    Gateway: ["networking.istio.io"], VirtualService: ["networking.istio.io"], DestinationRule: ["networking.istio.io"],
    ServiceEntry: ["networking.istio.io"], Sidecar: ["networking.istio.io"], EnvoyFilter: ["networking.istio.io"],
    AuthorizationPolicy: ["security.istio.io"], RequestAuthentication: ["security.istio.io"], PeerAuthentication: ["security.istio.io"],
    Telemetry: ["telemetry.istio.io"], Certificate: ["cert-manager.io"],
    HorizontalPodAutoscaler: ["autoscaling"], ScaledObject: ["keda.sh"], Rollout: ["argoproj.io"], PodDisruptionBudget: ["policy"],
};

const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job", "CronJob", "ReplicationController"];

export interface IndexedObject {
    resource: PolicyResource;
    ref: ObjectRef & { namespace: string };
}

export interface Workload extends IndexedObject {
    kind: string;
    /** The pod template's labels. */
    labels: Record<string, string>;
    podSpec: Record<string, any>;
    podMetadata: Record<string, any>;
}

export function isChart(resource: PolicyResource): boolean {
    return resource.type === "kubernetes:helm.sh/v4:Chart" || resource.type === "kubernetes:helm.sh/v3:Chart";
}

/** The namespaces a chart's inputs name: its release namespace and every `namespace`/`namespaceOverride` value. */
function chartNamespaces(props: Record<string, any>): string[] {
    const found = new Set<string>();
    if (typeof props?.namespace === "string" && props.namespace !== "") found.add(props.namespace);
    const visit = (value: unknown, depth: number) => {
        if (depth > 8 || value === null || typeof value !== "object") return;
        for (const [key, inner] of Object.entries(value)) {
            if ((key === "namespace" || key === "namespaceOverride") && typeof inner === "string" && inner !== "") found.add(inner);
            else visit(inner, depth + 1);
        }
    };
    visit(props?.values, 0);
    if (found.size === 0) found.add("default");
    return [...found];
}

const key = (namespace: string, name: string) => `${namespace}/${name}`;

/** Workloads of a namespace, bucketed by each `label=value` so a selector looks at one bucket. */
class LabelIndex {
    private readonly all: Workload[] = [];
    private readonly buckets = new Map<string, Workload[]>();

    add(workload: Workload): void {
        this.all.push(workload);
        for (const [k, v] of Object.entries(workload.labels)) {
            const bucketKey = `${k}=${v}`;
            const bucket = this.buckets.get(bucketKey);
            if (bucket) bucket.push(workload);
            else this.buckets.set(bucketKey, [workload]);
        }
    }

    /** Workloads whose pod labels carry every label of `labels` (a plain map selector). */
    matchLabels(labels: Record<string, string>): Workload[] {
        const pairs = Object.entries(labels);
        if (pairs.length === 0) return [...this.all];
        let smallest: Workload[] | undefined;
        for (const [k, v] of pairs) {
            const bucket = this.buckets.get(`${k}=${v}`) ?? [];
            if (!smallest || bucket.length < smallest.length) smallest = bucket;
        }
        return smallest!.filter((w) => pairs.every(([k, v]) => w.labels[k] === v));
    }

    /** Workloads a Kubernetes LabelSelector (matchLabels + matchExpressions) selects. */
    select(selector: Record<string, any>): Workload[] {
        return this.matchLabels(selector?.matchLabels ?? {}).filter((w) => selectorMatches(selector, w.labels));
    }

    get workloads(): readonly Workload[] {
        return this.all;
    }
}

interface ServiceSelector {
    service: IndexedObject;
    /** Its place in the stack, to answer in stack order. */
    position: number;
    selector: [string, unknown][];
}

export class ClusterIndex {
    /** Declared Namespaces plus the built-in ones. */
    readonly namespaces = new Set<string>(BUILT_IN_NAMESPACES);
    /** Namespaces an unrendered chart may put objects in. */
    readonly opaqueNamespaces = new Set<string>();
    /** Charts (by URN) with no rendered children in the stack. */
    readonly unrenderedCharts: PolicyResource[] = [];
    private readonly byKind = new Map<string, IndexedObject[]>();
    private readonly byName = new Map<string, IndexedObject>();
    private readonly workloadsByNamespace = new Map<string, LabelIndex>();
    private servicesByNamespace?: Map<string, { service: IndexedObject; position: number }[]>;
    /** Per namespace asked about: its Services by the first pair of their selector. */
    private readonly serviceSelectors = new Map<string, Map<string, ServiceSelector[]>>();

    constructor(resources: readonly PolicyResource[]) {
        const parents = new Set<string>();
        for (const r of resources) if (r.parent) parents.add(r.parent.urn);
        for (const r of resources) {
            if (isChart(r)) {
                if (!parents.has(r.urn)) {
                    this.unrenderedCharts.push(r);
                    for (const ns of chartNamespaces(r.props)) this.opaqueNamespaces.add(ns);
                }
                continue;
            }
            const t = kubeType(r.type);
            if (!t || (KIND_GROUPS[t.kind] && !KIND_GROUPS[t.kind].includes(t.group))) continue;
            const base = refOf(r);
            const ref = { ...base, namespace: base.namespace ?? (t.kind === "Namespace" ? base.name : "default") };
            const entry: IndexedObject = { resource: r, ref };
            const list = this.byKind.get(t.kind);
            if (list) list.push(entry);
            else this.byKind.set(t.kind, [entry]);
            this.byName.set(`${t.kind}:${key(ref.namespace, ref.name)}`, entry);
            if (t.kind === "Namespace") this.namespaces.add(base.name);
            if (WORKLOAD_KINDS.includes(t.kind)) {
                const pod = podTemplateOf(r.type, r.props);
                if (!pod) continue;
                const workload: Workload = {
                    ...entry, kind: t.kind, labels: pod.metadata.labels ?? {}, podSpec: pod.spec, podMetadata: pod.metadata,
                };
                let index = this.workloadsByNamespace.get(ref.namespace);
                if (!index) this.workloadsByNamespace.set(ref.namespace, index = new LabelIndex());
                index.add(workload);
            }
        }
    }

    /** Every object of a kind (any API group), in stack order. */
    ofKind(kind: string): readonly IndexedObject[] {
        return this.byKind.get(kind) ?? [];
    }

    find(kind: string, namespace: string, name: string): IndexedObject | undefined {
        return this.byName.get(`${kind}:${key(namespace, name)}`);
    }

    workloads(namespace?: string): readonly Workload[] {
        if (namespace !== undefined) return this.workloadsByNamespace.get(namespace)?.workloads ?? [];
        return [...this.workloadsByNamespace.values()].flatMap((i) => i.workloads);
    }

    /** Workloads in `namespace` (every namespace when undefined) whose pods carry all of `labels`. */
    workloadsWithLabels(labels: Record<string, string>, namespace?: string): Workload[] {
        if (namespace !== undefined) return this.workloadsByNamespace.get(namespace)?.matchLabels(labels) ?? [];
        return [...this.workloadsByNamespace.values()].flatMap((i) => i.matchLabels(labels));
    }

    /** Workloads in `namespace` a LabelSelector selects. */
    workloadsSelectedBy(selector: Record<string, any>, namespace: string): Workload[] {
        return this.workloadsByNamespace.get(namespace)?.select(selector) ?? [];
    }

    /**
     * Services in `namespace` whose non-empty spec.selector selects pods with `labels`, in stack
     * order. A namespace's Services are filed under one pair of their selector the first time it is
     * asked about, so a lookup reads one bucket per pod label instead of every Service there.
     */
    servicesSelecting(namespace: string, labels: Record<string, string>): IndexedObject[] {
        const buckets = this.serviceBuckets(namespace);
        const found: { service: IndexedObject; position: number }[] = [];
        for (const [k, v] of Object.entries(labels)) {
            for (const entry of buckets.get(`${k}=${v}`) ?? []) {
                if (entry.selector.every(([sk, sv]) => labels[sk] === sv)) found.push(entry);
            }
        }
        return found.sort((a, b) => a.position - b.position).map((e) => e.service);
    }

    private serviceBuckets(namespace: string): Map<string, ServiceSelector[]> {
        if (!this.servicesByNamespace) {
            const byNamespace = (this.servicesByNamespace = new Map());
            this.ofKind("Service").forEach((service, position) => appendTo(byNamespace, service.ref.namespace, { service, position }));
        }
        let buckets = this.serviceSelectors.get(namespace);
        if (buckets) return buckets;
        buckets = new Map();
        for (const { service, position } of this.servicesByNamespace.get(namespace) ?? []) {
            const selector = Object.entries<unknown>(service.resource.props.spec?.selector ?? {});
            if (selector.length > 0) appendTo(buckets, `${selector[0][0]}=${String(selector[0][1])}`, { service, position, selector });
        }
        this.serviceSelectors.set(namespace, buckets);
        return buckets;
    }

    /** Whether an unrendered chart may hide objects in `namespace` (any namespace when undefined). */
    isOpaque(namespace?: string): boolean {
        return namespace === undefined ? this.opaqueNamespaces.size > 0 : this.opaqueNamespaces.has(namespace);
    }
}
