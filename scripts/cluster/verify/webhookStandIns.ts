// Admission webhooks whose backend is a fake pod. A webhook with `failurePolicy: Fail` (istiod's
// sidecar injector and config validators) refuses everything it matches while nothing answers at
// its endpoint, so the suite puts a stand-in there: an HTTPS server on the endpoint's port that
// admits every request unchanged, and that sets the webhook configuration's caBundle as the real
// server does at start-up. It is named in the suite's output with what it leaves unproven. No
// deployed object changes. `Ignore` webhooks get nothing: the API server records the failed call
// and admits, as it would on a real cluster with the backend down.
import * as https from "https";
import { KubernetesObject } from "../../plan/objects";
import { waitFor } from "../cluster";
import { KubeClient } from "../kubeClient";
import { Pki } from "../pki";
import { admitAllServer, standInCaBundle } from "../standIns/admitAllServer";
import { WORKLOAD_KINDS } from "./workloads";

const WEBHOOK_KINDS = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

export interface StoodInWebhook {
    configuration: string;
    kind: string;
    webhook: string;
    service: string;
    /** The path the API server posts to (clientConfig.service.path). */
    path: string;
    port: number;
    /** What the stand-in's blanket "allowed" leaves unproven. */
    unproven: string;
    calls: number;
}

const UNPROVEN: Record<string, string> = {
    MutatingWebhookConfiguration: "its mutation is not made (for istiod: no sidecar is injected, so the sidecar's resources are not judged by quota, LimitRange or Pod Security)",
    ValidatingWebhookConfiguration: "objects it matches are admitted without its validation",
};

function targetPort(objects: readonly KubernetesObject[], namespace: string, name: string, port: number): number {
    const svc = objects.find((o) => o.kind === "Service" && o.namespace === namespace && o.name === name);
    const p = svc?.manifest.spec?.ports?.find((x: any) => x.port === port);
    if (!p) throw new Error(`webhook service ${namespace}/${name} has no port ${port} in the plan`);
    if (typeof p.targetPort === "number") return p.targetPort;
    if (p.targetPort === undefined) return port;
    // A named port: the container port of that name in the pods the Service selects.
    const selected = objects.filter((o) => WORKLOAD_KINDS.includes(o.kind) && o.namespace === namespace
        && Object.entries(svc!.manifest.spec?.selector ?? {}).every(([k, v]) => o.manifest.spec?.template?.metadata?.labels?.[k] === v));
    for (const container of selected.flatMap((o) => o.manifest.spec?.template?.spec?.containers ?? [])) {
        const named = (container.ports ?? []).find((x: any) => x.name === p.targetPort);
        if (named) return Number(named.containerPort);
    }
    throw new Error(`webhook service ${namespace}/${name}: no pod it selects has a port named ${p.targetPort}`);
}

/** The `Fail` webhooks of the plan that call a Service, one entry per webhook. */
export function failClosedWebhooks(objects: readonly KubernetesObject[]): Omit<StoodInWebhook, "calls">[] {
    return objects.filter((o) => WEBHOOK_KINDS.includes(o.kind)).flatMap((o) =>
        (o.manifest.webhooks ?? [])
            .filter((w: any) => (w.failurePolicy ?? "Fail") === "Fail" && w.clientConfig?.service)
            .map((w: any) => {
                const { namespace, name, port = 443, path = "/" } = w.clientConfig.service;
                return {
                    configuration: o.name, kind: o.kind, webhook: w.name, service: `${namespace}/${name}`, path,
                    port: targetPort(objects, namespace, name, port), unproven: UNPROVEN[o.kind],
                };
            }));
}

export interface StandInServer {
    webhooks: StoodInWebhook[];
    /** Waits until each stood-in webhook's Service has a ready endpoint: then the API server can call it. */
    awaitBackends(client: KubeClient, timeoutMs: number): Promise<void>;
    /** Sets each stood-in configuration's caBundle to the stand-in's CA, as the real server would. */
    injectCaBundles(client: KubeClient): Promise<void>;
    close(): Promise<void>;
}

export async function startStandIns(pki: Pki, objects: readonly KubernetesObject[]): Promise<StandInServer> {
    const webhooks: StoodInWebhook[] = failClosedWebhooks(objects).map((w) => ({ ...w, calls: 0 }));
    const servers: https.Server[] = [];
    for (const port of [...new Set(webhooks.map((w) => w.port))]) {
        const services = [...new Set(webhooks.filter((w) => w.port === port).map((w) => w.service))];
        // Counted for the report against each webhook of this port and path (the API server
        // does not say which of several webhooks sharing a path it is calling).
        servers.push(await admitAllServer(pki, port, services, (path) => {
            for (const w of webhooks) if (w.port === port && w.path === path) w.calls++;
        }));
    }
    const caBundle = standInCaBundle(pki);
    return {
        webhooks,
        async awaitBackends(client, timeoutMs) {
            for (const service of [...new Set(webhooks.map((w) => w.service))]) {
                const [namespace, name] = service.split("/");
                await waitFor(`a ready endpoint of webhook service ${service}`, async () => {
                    const answer = await client.request("GET",
                        `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3D${name}`);
                    const ready = (answer.body.items ?? []).some((slice: any) => (slice.endpoints ?? []).some((e: any) => e.conditions?.ready));
                    return ready ? true : undefined;
                }, timeoutMs, 1000);
            }
        },
        async injectCaBundles(client) {
            for (const configuration of [...new Set(webhooks.map((w) => `${w.kind}/${w.configuration}`))]) {
                const [kind, name] = configuration.split("/");
                const current = await client.get("admissionregistration.k8s.io/v1", kind, undefined, name);
                if (current.status !== 200) continue;
                const patch = (current.body.webhooks ?? []).map((_: unknown, i: number) =>
                    ({ op: "add", path: `/webhooks/${i}/clientConfig/caBundle`, value: caBundle }));
                const url = await client.path("admissionregistration.k8s.io/v1", kind, undefined, name);
                const answer = await client.request("PATCH", `${url}?fieldManager=webhook-stand-in`, patch, "application/json-patch+json");
                if (answer.status !== 200) throw new Error(`caBundle of ${configuration}: ${answer.status} ${answer.body?.message ?? ""}`);
            }
        },
        async close() {
            await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
        },
    };
}
