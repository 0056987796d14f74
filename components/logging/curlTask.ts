// A small idempotent shell task run with curl, as a Job (right after deploy) and a CronJob (to repair
// drift later). Restricted pod: non-root, read-only root, no capabilities, sized.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";

/** Pinned curl image (Alpine with a POSIX shell and sed); runs as curl_user 100:101. */
export const CURL_IMAGE = "curlimages/curl:8.16.0";
const CURL_USER = { user: 100, group: 101 };
const RESOURCES: ComputeResources = { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "64Mi" } };

export interface CurlTaskArgs {
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** POSIX shell script; runs with `set -eu`. */
    script: string;
    /** Cron schedule of the repairing CronJob. */
    schedule: string;
    env?: k8s.types.input.core.v1.EnvVar[];
    volumes?: k8s.types.input.core.v1.Volume[];
    volumeMounts?: k8s.types.input.core.v1.VolumeMount[];
    /** Set only for tasks that call the Kubernetes API; others get no token. */
    serviceAccountName?: pulumi.Input<string>;
}

export interface CurlTask {
    job: k8s.batch.v1.Job;
    cronJob: k8s.batch.v1.CronJob;
}

function podTemplate(args: CurlTaskArgs): k8s.types.input.core.v1.PodTemplateSpec {
    return {
        metadata: { labels: args.labels },
        spec: {
            restartPolicy: "OnFailure",
            ...(args.serviceAccountName
                ? { serviceAccountName: args.serviceAccountName, automountServiceAccountToken: true }
                : { automountServiceAccountToken: false }),
            securityContext: restrictedPodSecurityContext(),
            containers: [{
                name: "task",
                image: CURL_IMAGE,
                command: ["/bin/sh", "-euc", args.script],
                env: args.env ?? [],
                resources: RESOURCES,
                securityContext: restrictedContainerSecurityContext(CURL_USER),
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }, ...(args.volumeMounts ?? [])],
            }],
            volumes: [{ name: "tmp", emptyDir: { sizeLimit: "16Mi" } }, ...(args.volumes ?? [])],
        },
    };
}

export function createCurlTask(name: string, a: CurlTaskArgs, opts: pulumi.CustomResourceOptions): CurlTask {
    const template = podTemplate(a);
    const job = new k8s.batch.v1.Job(name, {
        metadata: {
            namespace: a.namespace,
            labels: a.labels,
            // The task waits for Elasticsearch itself; `pulumi up` need not wait for it.
            annotations: { "pulumi.com/skipAwait": "true" },
        },
        spec: { backoffLimit: 10, activeDeadlineSeconds: 3600, template },
    }, opts);
    const cronJob = new k8s.batch.v1.CronJob(name, {
        metadata: { namespace: a.namespace, labels: a.labels },
        spec: {
            schedule: a.schedule,
            concurrencyPolicy: "Forbid",
            successfulJobsHistoryLimit: 1,
            failedJobsHistoryLimit: 3,
            jobTemplate: { spec: { backoffLimit: 3, activeDeadlineSeconds: 1800, template } },
        },
    }, opts);
    return { job, cronJob };
}
