// Faults planted in a running stack to prove the checks bite: each is something a real cluster
// refuses, and the suite must report it where it would report the platform's own failure.
import { KubernetesObject } from "../../plan/objects";
import { waitFor } from "../cluster";
import { KubeClient, KubeObject } from "../kubeClient";
import { deployedName } from "./apply";
import { failureEvents } from "./workloads";

export interface PlantedFault {
    name: string;
    /** What the suite reported for it; undefined: not caught, and the suite fails. */
    caught?: string;
}

const PSA_ENFORCE = "pod-security.kubernetes.io/enforce";

/** A privileged container in a restricted namespace: its ReplicaSet's Pods are refused (FailedCreate). */
async function privilegedPod(client: KubeClient, objects: readonly KubernetesObject[]): Promise<PlantedFault> {
    const fault: PlantedFault = { name: "privileged container in a restricted namespace" };
    const ns = objects.find((o) => o.kind === "Namespace" && o.manifest.metadata?.labels?.[PSA_ENFORCE] === "restricted");
    if (!ns) return { ...fault, caught: undefined };
    const namespace = ns.name;
    const name = "planted-privileged";
    const deployment: KubeObject = {
        apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace },
        spec: {
            replicas: 1, selector: { matchLabels: { app: name } },
            template: {
                metadata: { labels: { app: name } },
                spec: {
                    // Says it needs no token, so the platform's admission policies let it through to Pod Security.
                    automountServiceAccountToken: false,
                    containers: [{
                        name: "c", image: "registry.example/planted:1.0.0", securityContext: { privileged: true },
                        resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "10m", memory: "16Mi" } },
                    }],
                },
            },
        },
    };
    const applied = await client.apply(deployment, "planted-fault");
    if (applied.status >= 300) return { ...fault, caught: `refused at apply: ${applied.body?.message}` };
    try {
        fault.caught = await waitFor("the planted privileged pod's FailedCreate", async () => {
            const events = await failureEvents(client);
            const hit = events.find((e) => e.namespace === namespace && e.object.includes(name) && /PodSecurity/.test(e.message));
            return hit ? `${hit.reason} in ${hit.namespace}: ${hit.message.slice(0, 160)}` : undefined;
        }, 60_000, 1000);
    } catch {
        // not caught: reported as such
    }
    const url = await client.path("apps/v1", "Deployment", namespace, name);
    await client.request("DELETE", `${url}?propagationPolicy=Background`);
    return fault;
}

/** A custom resource with a field its CRD's structural schema does not have: refused at apply. */
async function unknownField(client: KubeClient, objects: readonly KubernetesObject[]): Promise<PlantedFault> {
    const fault: PlantedFault = { name: "unknown field in a custom resource" };
    const strictKinds = new Set(objects.filter((o) => o.kind === "CustomResourceDefinition").flatMap((crd) => {
        const spec = crd.manifest.spec;
        return (spec.versions ?? []).filter((v: any) => {
            const s = v.schema?.openAPIV3Schema;
            return s && !s["x-kubernetes-preserve-unknown-fields"] && s.properties?.spec && !s.properties.spec["x-kubernetes-preserve-unknown-fields"];
        }).map((v: any) => `${spec.group}/${v.name}/${spec.names.kind}`);
    }));
    const target = objects.find((o) => strictKinds.has(`${o.apiVersion}/${o.kind}`) && o.manifest.spec);
    if (!target) return fault;
    const sent: KubeObject = structuredClone(target.manifest) as KubeObject;
    sent.metadata = { ...sent.metadata, name: `planted-${deployedName(target)}`.slice(0, 63) };
    sent.spec.plantedUnknownField = true;
    const url = await client.path(target.apiVersion, target.kind, sent.metadata.namespace, sent.metadata.name);
    const answer = await client.request("PATCH", `${url}?fieldManager=planted-fault&fieldValidation=Strict`, sent, "application/apply-patch+yaml");
    if (answer.status >= 400) fault.caught = `${target.kind} refused: ${String(answer.body?.message).slice(0, 160)}`;
    else await client.request("DELETE", url);
    return fault;
}

export async function plantFaults(client: KubeClient, objects: readonly KubernetesObject[]): Promise<PlantedFault[]> {
    return [await privilegedPod(client, objects), await unknownField(client, objects)];
}
