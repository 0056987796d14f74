// The pod template of a Microservice. This is the only module that uses @pulumi/kubernetesx
// (archived): replacing it means rewriting this file alone.
import * as kx from "@pulumi/kubernetesx";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { HttpProbe, MicroserviceArgs } from "./args";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "./securityContext";
import { MicroserviceSpec } from "./spec";

export interface PodTemplateInputs {
    args: MicroserviceArgs;
    spec: MicroserviceSpec;
    /** The image this pod runs (a delivery track may run another than args.image). */
    image: string;
    labels: Record<string, string>;
    serviceAccountName: pulumi.Input<string>;
    configMapName?: pulumi.Input<string>;
    secretName?: pulumi.Input<string>;
}

function httpProbe(p: HttpProbe): k8s.types.input.core.v1.Probe {
    return {
        httpGet: { path: p.path, port: p.port ?? "http" },
        initialDelaySeconds: p.initialDelaySeconds,
        periodSeconds: p.periodSeconds,
        timeoutSeconds: p.timeoutSeconds ?? 2,
        failureThreshold: p.failureThreshold,
    };
}

const volumeName = (path: string) => `writable${path.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.replace(/-$/, "");

export function buildPodTemplate(i: PodTemplateInputs): k8s.types.input.core.v1.PodTemplateSpec {
    const { spec, args } = i;
    const envFrom: k8s.types.input.core.v1.EnvFromSource[] = [];
    if (i.configMapName) envFrom.push({ configMapRef: { name: i.configMapName } });
    if (i.secretName) envFrom.push({ secretRef: { name: i.secretName } });
    const limits: Record<string, string> = { memory: spec.resources.limits.memory };
    if (spec.resources.limits.cpu) limits.cpu = spec.resources.limits.cpu;

    const pod = new kx.PodBuilder({
        serviceAccountName: i.serviceAccountName,
        automountServiceAccountToken: args.automountServiceAccountToken ?? false,
        securityContext: restrictedPodSecurityContext(spec.runAsUser, spec.runAsGroup),
        topologySpreadConstraints: ["kubernetes.io/hostname", "topology.kubernetes.io/zone"].map((topologyKey) => ({
            maxSkew: 1,
            topologyKey,
            // Prefer spreading, but still schedule on single-node and single-zone clusters.
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: { "app.kubernetes.io/name": spec.name } },
        })),
        volumes: spec.writablePaths.map((path) => ({ name: volumeName(path), emptyDir: {} })),
        containers: [{
            name: spec.name,
            image: i.image,
            command: args.command,
            args: args.args,
            ports: args.ports,
            envFrom,
            resources: { requests: { ...spec.resources.requests }, limits },
            livenessProbe: httpProbe(spec.probes.liveness),
            readinessProbe: httpProbe(spec.probes.readiness),
            startupProbe: httpProbe(spec.probes.startup),
            securityContext: restrictedContainerSecurityContext(),
            volumeMounts: spec.writablePaths.map((path) => ({ name: volumeName(path), mountPath: path })),
        }],
    });
    return { metadata: { labels: i.labels }, spec: pod.podSpec };
}
