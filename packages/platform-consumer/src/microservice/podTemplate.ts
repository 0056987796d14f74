// The pod template of a Microservice. This is the only module that uses @pulumi/kubernetesx
// (archived): replacing it means rewriting this file alone.
import * as kx from "@pulumi/kubernetesx";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "../shared/securityContext";
import { HttpProbe } from "./args";
import { ResolvedMicroservice } from "./resolve";
import { volumeName } from "./writablePaths";
import { SECRET_ENV_ANNOTATION, SECRET_FILE_MODE, secretObjectName, secretVolumeName } from "./secrets";

export interface PodTemplateInputs {
    service: ResolvedMicroservice;
    /** The image this pod runs (a delivery track may run another than the service's image). */
    image: string;
    labels: Record<string, string>;
    serviceAccountName: pulumi.Input<string>;
    configMapName?: pulumi.Input<string>;
    secretName?: pulumi.Input<string>;
}

/** One projected volume per secret directory, each secret a file named after it, mode 0400. */
function secretVolumes(service: ResolvedMicroservice): { volumes: k8s.types.input.core.v1.Volume[]; mounts: k8s.types.input.core.v1.VolumeMount[] } {
    const directories = [...new Set(service.secrets.map((s) => s.mountPath))];
    return {
        volumes: directories.map((dir) => ({
            name: secretVolumeName(dir),
            projected: {
                defaultMode: SECRET_FILE_MODE,
                sources: service.secrets.filter((s) => s.mountPath === dir).map((s) => ({
                    secret: { name: secretObjectName(service.name, s.name), items: [{ key: s.name, path: s.name }] },
                })),
            },
        })),
        // The whole directory, never subPath: the kubelet then swaps in a rotated value in place.
        mounts: directories.map((dir) => ({ name: secretVolumeName(dir), mountPath: dir, readOnly: true })),
    };
}

/** The Secrets the container reads as environment variables: the service's secretEnv Secret and each secret with `env`. */
export function secretEnvSources(service: ResolvedMicroservice, secretName?: pulumi.Input<string>): string[] {
    return [
        ...(secretName !== undefined ? [service.name] : []),
        ...service.secrets.filter((s) => s.env !== undefined).map((s) => secretObjectName(service.name, s.name)),
    ];
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
    const env: k8s.types.input.core.v1.EnvVar[] = service.secrets.filter((s) => s.env !== undefined).map((s) => ({
        name: s.env!,
        valueFrom: { secretKeyRef: { name: secretObjectName(service.name, s.name), key: s.name } },
    }));
    const secretFiles = secretVolumes(service);
    const envSecrets = secretEnvSources(service, inputs.secretName);
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
        volumes: [...service.writablePaths.map((path) => ({ name: volumeName(path), emptyDir: {} })), ...secretFiles.volumes],
        containers: [{
            name: service.name,
            image: inputs.image,
            command: service.command,
            args: service.args,
            ports: service.ports,
            envFrom,
            ...(env.length > 0 ? { env } : {}),
            resources: { requests: { ...service.resources.requests }, limits },
            livenessProbe: httpProbe(service.probes.liveness),
            readinessProbe: httpProbe(service.probes.readiness),
            startupProbe: httpProbe(service.probes.startup),
            securityContext: restrictedContainerSecurityContext(),
            volumeMounts: [...service.writablePaths.map((path) => ({ name: volumeName(path), mountPath: path })), ...secretFiles.mounts],
        }],
    });
    // The declared need to read Secrets as variables (the pack's secret-hygiene checks it in prod).
    const annotations = envSecrets.length > 0 ? { annotations: { [SECRET_ENV_ANNOTATION]: envSecrets.join(",") } } : {};
    return { metadata: { labels: inputs.labels, ...annotations }, spec: pod.podSpec };
}
