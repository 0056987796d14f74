// The webhook stand-in for a cluster that a real engine deploys into (`npm run e2e`): the objects
// are not known in advance, so it watches the cluster as istiod does. Every second it finds the
// `Fail` webhooks that call a Service, serves an admit-all endpoint on the port the Service sends
// them to, and sets their caBundle to the stand-in's CA, as istiod patches its own configurations
// at start-up and whenever an update resets them. Without it no pod of a sidecar-injected
// namespace could be created, since no istiod runs on fake nodes.
import { KubeClient } from "../kubeClient";
import { Pki } from "../pki";
import { standInCaBundle } from "./admitAllServer";
import { backendPort } from "./serviceBackend";
import { StandInPorts } from "./standInPorts";

const WEBHOOK_KINDS = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];
const API = "admissionregistration.k8s.io/v1";

export const WEBHOOK_STAND_IN_UNPROVEN =
    "admits every object unchanged: no sidecar is injected, and istiod's validation is not run";

export class LiveWebhookStandIn {
    /** The webhooks' Services stood in for, by the port they are served on. */
    private readonly served = new Map<number, Set<string>>();
    /** caBundle patches made (each one an istiod start-up or a reset by an update). */
    patches = 0;
    private readonly caBundle: string;

    constructor(private readonly client: KubeClient, pki: Pki, private readonly ports: StandInPorts) {
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
                    const name = `${service.namespace}/${service.name}`;
                    await this.ports.serve(port, name);
                    this.served.set(port, (this.served.get(port) ?? new Set()).add(name));
                    if (w.clientConfig.caBundle !== this.caBundle) patch.push({ op: "add", path: `/webhooks/${i}/clientConfig/caBundle`, value: this.caBundle });
                }
                if (patch.length === 0) continue;
                const url = await this.client.path(API, kind, undefined, configuration.metadata.name);
                const answer = await this.client.request("PATCH", `${url}?fieldManager=webhook-stand-in`, patch, "application/json-patch+json");
                if (answer.status === 200) this.patches++;
            }
        }
    }

    describe(): string {
        const served = [...this.served.values()].flatMap((s) => [...s]).join(", ") || "none";
        const calls = [...this.served.keys()].reduce((n, port) => n + this.ports.callsTo(port, "POST"), 0);
        return `STAND-IN webhook backend for ${served}: ${calls} admission calls answered, ${this.patches} caBundle patches; ${WEBHOOK_STAND_IN_UNPROVEN}`;
    }
}
