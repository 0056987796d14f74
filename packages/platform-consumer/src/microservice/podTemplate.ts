// The pod template of a Microservice. This is the only module that uses @pulumi/kubernetesx
// (archived): replacing it means rewriting this file alone.
import * as kx from "@pulumi/kubernetesx";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../shared/securityContext";
import { HttpProbe } from "./args";
import { ResolvedMicroservice } from "./resolve";
import { volumeName } from "./writablePaths";

export interface PodTemplateInputs {
    service: ResolvedMicroservice;
    /** The image this pod runs (a delivery track may run another than the service's image). */
    image: string;
    labels: Record<string, string>;
    serviceAccountName: pulumi.Input<string>;
    configMapName?: pulumi.Input<string>;
    secretName?: pulumi.Input<string>;
}

function httpProbe(probe: HttpProbe): k8s.types.input.core.v1.Probe {
    return {
        httpGet: { path: probe.path, port: probe.port ?? "http" },
        initialDelaySeconds: probe.initialDelaySeconds,
        periodSeconds: probe.periodSeconds,
        timeoutSeconds: probe.timeoutSeconds ?? 2,
        failureThreshold: probe.failureThreshold,
    };
}



export function buildPodTemplate(inputs: PodTemplateInputs): k8s.types.input.core.v1.PodTemplateSpec {
    const { service } = inputs;
    const envFrom: k8s.types.input.core.v1.EnvFromSource[] = [];
    if (inputs.configMapName) envFrom.push({ configMapRef: { name: inputs.configMapName } });
    if (inputs.secretName) envFrom.push({ secretRef: { name: inputs.secretName } });
    const limits: Record<string, string> = { memory: service.resources.limits.memory };
    if (service.resources.limits.cpu) limits.cpu = service.resources.limits.cpu;

    const pod = new kx.PodBuilder({
        serviceAccountName: inputs.serviceAccountName,
        automountServiceAccountToken: service.automountServiceAccountToken,
        securityContext: restrictedPodSecurityContext({ user: service.runAsUser, group: service.runAsGroup, fsGroup: service.runAsGroup }),
        topologySpreadConstraints: ["kubernetes.io/hostname", "topology.kubernetes.io/zone"].map((topologyKey) => ({
            maxSkew: 1,
            topologyKey,
            // Prefer spreading, but still schedule on single-node and single-zone clusters.
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: { "app.kubernetes.io/name": service.name } },
        })),
        volumes: service.writablePaths.map((path) => ({ name: volumeName(path), emptyDir: {} })),
        containers: [{
            name: service.name,
            image: inputs.image,
            command: service.command,
            args: service.args,
            ports: service.ports,
            envFrom,
            resources: { requests: { ...service.resources.requests }, limits },
            livenessProbe: httpProbe(service.probes.liveness),
            readinessProbe: httpProbe(service.probes.readiness),
            startupProbe: httpProbe(service.probes.startup),
            securityContext: restrictedContainerSecurityContext(),
            volumeMounts: service.writablePaths.map((path) => ({ name: volumeName(path), mountPath: path })),
        }],
    });
    return { metadata: { labels: inputs.labels }, spec: pod.podSpec };
}
