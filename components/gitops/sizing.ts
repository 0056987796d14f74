// Requests and memory limits for every Argo CD container, one size for a single-replica install
// and one for the highly available install. No CPU limits: throttling slows reconciliation.
import { ComputeResources } from "@reference-platform/consumer/shared/resources";

const size = (cpu: string, memory: string, memoryLimit: string): ComputeResources => ({
    requests: { cpu, memory },
    limits: { memory: memoryLimit },
});

export interface ArgoCdSizing {
    controller: ComputeResources;
    server: ComputeResources;
    /** Also used by its copyutil init container (the chart's default). */
    repoServer: ComputeResources;
    applicationSet: ComputeResources;
    redis: ComputeResources;
    redisHa: {
        redis: ComputeResources;
        sentinel: ComputeResources;
        splitBrainDetection: ComputeResources;
        /** Init containers. */
        helpers: ComputeResources;
        haproxy: ComputeResources;
    };
}

const helper = size("10m", "32Mi", "64Mi");

const single: ArgoCdSizing = {
    controller: size("250m", "512Mi", "1Gi"),
    server: size("50m", "128Mi", "256Mi"),
    repoServer: size("100m", "256Mi", "512Mi"),
    applicationSet: size("50m", "64Mi", "128Mi"),
    redis: size("50m", "64Mi", "256Mi"),
    redisHa: { redis: size("100m", "128Mi", "512Mi"), sentinel: helper, splitBrainDetection: helper, helpers: helper, haproxy: size("50m", "64Mi", "128Mi") },
};

const highlyAvailable: ArgoCdSizing = {
    controller: size("1", "1Gi", "2Gi"),
    server: size("100m", "256Mi", "512Mi"),
    repoServer: size("250m", "512Mi", "1Gi"),
    applicationSet: size("100m", "128Mi", "256Mi"),
    redis: size("100m", "128Mi", "512Mi"),
    redisHa: {
        redis: size("200m", "256Mi", "1Gi"),
        sentinel: size("20m", "32Mi", "64Mi"),
        splitBrainDetection: helper,
        helpers: helper,
        haproxy: size("100m", "64Mi", "256Mi"),
    },
};

export function argoCdSizing(highAvailability: boolean): ArgoCdSizing {
    return highAvailability ? highlyAvailable : single;
}
