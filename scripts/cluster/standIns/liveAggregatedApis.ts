// The aggregated-API stand-in for a cluster that a real engine deploys into (`npm run e2e`). An
// APIService that names a Service (metrics-server's v1beta1.metrics.k8s.io) is served by a pod;
// on fake nodes none runs, so the API server would mark the API unavailable, and an unavailable
// API stalls every namespace deletion (the namespace controller must list every API first). Every
// second this finds such APIServices, answers on the port their Service sends to with the API's
// discovery and empty lists, and, for one that verifies its backend, sets its caBundle to the
// stand-in's CA as cert-manager's CA injector would. No metric is invented: every list is empty.
import { KubeClient } from "../kubeClient";
import { Pki } from "../pki";
import { standInCaBundle } from "./admitAllServer";
import { backendPort } from "./serviceBackend";
import { StandInPorts } from "./standInPorts";

const API = "apiregistration.k8s.io/v1";

export const AGGREGATED_API_STAND_IN_UNPROVEN =
    "serves the API's discovery and empty lists: the backend itself (metrics-server reading kubelets) does not run, so no autoscaler here sees a pod's usage";

/** The resources of the group-versions the stand-in knows, as their backends list them in discovery. */
const KNOWN_RESOURCES: Record<string, { name: string; kind: string; namespaced: boolean }[]> = {
    "metrics.k8s.io/v1beta1": [
        { name: "nodes", kind: "NodeMetrics", namespaced: false },
        { name: "pods", kind: "PodMetrics", namespaced: true },
    ],
};

/** The stand-in's answer to a GET under /apis/<group>/<version>: discovery, or an empty list of a known resource. */
export function aggregatedApiAnswer(groupVersion: string, rest: string[]): { status: number; body: unknown } | undefined {
    const resources = KNOWN_RESOURCES[groupVersion] ?? [];
    if (rest.length === 0) {
        return {
            status: 200,
            body: {
                kind: "APIResourceList", apiVersion: "v1", groupVersion,
                resources: resources.map((r) => ({ name: r.name, singularName: "", namespaced: r.namespaced, kind: r.kind, verbs: ["get", "list"] })),
            },
        };
    }
    // /<resource> or /namespaces/<namespace>/<resource>
    const resource = rest[0] === "namespaces" && rest.length === 3 ? resources.find((r) => r.namespaced && r.name === rest[2]) : rest.length === 1 ? resources.find((r) => r.name === rest[0]) : undefined;
    if (!resource) return undefined;
    return { status: 200, body: { kind: `${resource.kind}List`, apiVersion: groupVersion, metadata: {}, items: [] } };
}

export class LiveAggregatedApiStandIn {
    /** group/version -> the Service and port it is answered on. */
    private readonly served = new Map<string, { service: string; port: number }>();
    patches = 0;
    private readonly caBundle: string;

    constructor(private readonly client: KubeClient, pki: Pki, private readonly ports: StandInPorts) {
        this.caBundle = standInCaBundle(pki);
        ports.answerGets((path) => {
            const [, apis, group, version, ...rest] = path.split("/");
            if (apis !== "apis" || !group || !version || !this.served.has(`${group}/${version}`)) return undefined;
            return aggregatedApiAnswer(`${group}/${version}`, rest);
        });
    }

    /** One pass over the cluster's APIServices. */
    async reconcile(): Promise<void> {
        for (const apiService of await this.client.list(API, "APIService")) {
            const { service, group, version, insecureSkipTLSVerify, caBundle } = apiService.spec ?? {};
            if (!service) continue; // served by the API server itself
            const port = await backendPort(this.client, service.namespace, service.name, service.port ?? 443);
            if (port === undefined) continue;
            const name = `${service.namespace}/${service.name}`;
            await this.ports.serve(port, name);
            this.served.set(`${group}/${version}`, { service: name, port });
            if (insecureSkipTLSVerify === true || caBundle === this.caBundle) continue;
            const url = await this.client.path(API, "APIService", undefined, apiService.metadata.name);
            const answer = await this.client.request("PATCH", `${url}?fieldManager=aggregated-api-stand-in`,
                [{ op: "add", path: "/spec/caBundle", value: this.caBundle }], "application/json-patch+json");
            if (answer.status === 200) this.patches++;
        }
    }

    describe(): string {
        if (this.served.size === 0) return "STAND-IN aggregated API backend: no APIService named a Service";
        const served = [...this.served].map(([gv, s]) => `${gv} (${s.service})`).join(", ");
        const ports = new Set([...this.served.values()].map((s) => s.port));
        const calls = [...ports].reduce((n, port) => n + this.ports.callsTo(port, "GET"), 0);
        return `STAND-IN aggregated API backend for ${served}: ${calls} GETs answered, ${this.patches} caBundle patches; ${AGGREGATED_API_STAND_IN_UNPROVEN}`;
    }
}
