// The webhook stand-in for a cluster that a real engine deploys into (`npm run e2e`): the objects
// are not known in advance, so it watches the cluster as istiod does. Every second it finds the
// `Fail` webhooks that call a Service, serves an admit-all endpoint on the port the Service sends
// them to, and sets their caBundle to the stand-in's CA, as istiod patches its own configurations
// at start-up and whenever an update resets them. Without it no pod of a sidecar-injected
// namespace could be created, since no istiod runs on fake nodes.
import * as https from "https";
import { KubeClient } from "../kubeClient";
import { Pki } from "../pki";
import { admitAllServer, standInCaBundle } from "./admitAllServer";

const WEBHOOK_KINDS = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];
const API = "admissionregistration.k8s.io/v1";

export const WEBHOOK_STAND_IN_UNPROVEN =
    "admits every object unchanged: no sidecar is injected, and istiod's validation is not run";

/** The port a Service sends `port` to: a numbered targetPort, or a named one looked up in its EndpointSlices. */
async function backendPort(client: KubeClient, namespace: string, name: string, port: number): Promise<number | undefined> {
    const service = await client.get("v1", "Service", namespace, name);
    if (service.status !== 200) return undefined;
    const p = (service.body.spec?.ports ?? []).find((x: any) => x.port === port);
    if (!p) return undefined;
    if (p.targetPort === undefined || typeof p.targetPort === "number") return p.targetPort ?? port;
    const slices = await client.request("GET",
        `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3D${name}`);
    for (const slice of slices.body.items ?? []) {
        const named = (slice.ports ?? []).find((x: any) => x.name === p.name);
        if (named) return named.port;
    }
    return undefined;
}

export class LiveWebhookStandIn {
    private readonly servers = new Map<number, { server: https.Server; services: string[] }>();
    /** Calls answered, by port and path. */
    readonly calls = new Map<string, number>();
    /** caBundle patches made (each one an istiod start-up or a reset by an update). */
    patches = 0;
    private readonly caBundle: string;

    constructor(private readonly client: KubeClient, private readonly pki: Pki) {
        this.caBundle = standInCaBundle(pki);
    }

    /** One pass over the cluster's webhook configurations. */
    async reconcile(): Promise<void> {
        for (const kind of WEBHOOK_KINDS) {
            for (const configuration of await this.client.list(API, kind)) {
                const webhooks: any[] = configuration.webhooks ?? [];
                const patch: unknown[] = [];
                for (const [i, w] of webhooks.entries()) {
                    const service = w.clientConfig?.service;
                    if ((w.failurePolicy ?? "Fail") !== "Fail" || !service) continue;
                    const port = await backendPort(this.client, service.namespace, service.name, service.port ?? 443);
                    if (port === undefined) continue;
                    await this.serve(port, `${service.namespace}/${service.name}`);
                    if (w.clientConfig.caBundle !== this.caBundle) patch.push({ op: "add", path: `/webhooks/${i}/clientConfig/caBundle`, value: this.caBundle });
                }
                if (patch.length === 0) continue;
                const url = await this.client.path(API, kind, undefined, configuration.metadata.name);
                const answer = await this.client.request("PATCH", `${url}?fieldManager=webhook-stand-in`, patch, "application/json-patch+json");
                if (answer.status === 200) this.patches++;
            }
        }
    }

    private async serve(port: number, service: string): Promise<void> {
        const current = this.servers.get(port);
        if (current?.services.includes(service)) return;
        const services = [...(current?.services ?? []), service];
        if (current) await new Promise((r) => current.server.close(r));
        const server = await admitAllServer(this.pki, port, services, (path) => {
            const key = `${port}${path}`;
            this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
        });
        this.servers.set(port, { server, services });
    }

    describe(): string {
        const served = [...this.servers.values()].flatMap((s) => s.services).join(", ") || "none";
        const calls = [...this.calls.values()].reduce((a, b) => a + b, 0);
        return `STAND-IN webhook backend for ${served}: ${calls} admission calls answered, ${this.patches} caBundle patches; ${WEBHOOK_STAND_IN_UNPROVEN}`;
    }

    async close(): Promise<void> {
        await Promise.all([...this.servers.values()].map((s) => new Promise((r) => s.server.close(r))));
    }
}
