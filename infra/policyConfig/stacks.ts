// Each stack's differences from the base policy configuration: how hard the pack enforces, and the
// limits that scale with the environment.
import { ProfileName } from "../config/types";
import { NAMESPACES } from "../namespaces";
import { basePolicySettings } from "./base";
import { PolicyName, StackPolicyDifferences } from "./types";

/**
 * Mandatory in staging as in prod: the security guardrails, and the connectivity checks whose
 * violations (a broken mesh reference, an impossible quota) would fail on the cluster anyway.
 */
const STAGING_GATES: readonly PolicyName[] = [
    "pod-security-standards", "rbac-least-privilege", "image-provenance", "mesh-mtls", "mesh-analysis", "capacity", "tenant-isolation", "mesh-sidecar",
    "secret-hygiene",
];

/**
 * Advisory in every stack, prod too: upstream rates these findings below Error (`istioctl analyze`
 * fails only on Error), and a platform object may rightly point at what a team deploys later; an
 * HPA without a metrics source deploys and runs, at its minimum, so it warns rather than blocks.
 */
const ADVISORY_EVERYWHERE: readonly PolicyName[] = ["mesh-analysis-warnings", "autoscaling-metrics-source"];

/** Argo CD's single Redis (dev and staging; prod runs redis-ha, which has its own ServiceAccount). */
const ARGOCD_REDIS_DEFAULT_ACCOUNT = {
    "workload-service-account": [{
        chart: "argocd", namespace: NAMESPACES.argocd, kind: "Deployment", name: "argocd-redis", controls: ["defaultServiceAccount"],
        reason: "argo-cd chart 10.1.1 runs its non-HA Redis on the namespace's default ServiceAccount; Redis never calls the Kubernetes API",
        expires: "2027-05-31",
    }],
};

/** Docker Hub organisations prod pulls from; the other stacks accept any docker.io image. */
const PROD_DOCKER_HUB_ORGS = ["grafana", "istio", "jaegertracing", "curlimages"];

export const STACK_POLICY_DIFFERENCES: Readonly<Record<ProfileName, StackPolicyDifferences>> = {
    // Reports everything, blocks nothing; tenants at baseline and permissive mTLS, as the dev profile.
    dev: {
        enforcementLevel: "advisory",
        settings: {
            "pod-security-standards": { level: "baseline" },
            "mesh-mtls": { minimumMode: "PERMISSIVE" },
        },
        exemptions: ARGOCD_REDIS_DEFAULT_ACCOUNT,
    },
    staging: {
        enforcementLevel: "advisory",
        levels: Object.fromEntries(STAGING_GATES.map((policy) => [policy, "mandatory"])),
        settings: { "container-resources": { maxCpu: "4", maxMemory: "8Gi" } },
        exemptions: ARGOCD_REDIS_DEFAULT_ACCOUNT,
    },
    prod: {
        enforcementLevel: "mandatory",
        levels: Object.fromEntries(ADVISORY_EVERYWHERE.map((policy) => [policy, "advisory"])),
        settings: {
            "container-resources": { maxCpu: "8", maxMemory: "16Gi" },
            "image-provenance": { allowedRegistries: narrowDockerHub(PROD_DOCKER_HUB_ORGS) },
            // Secrets reach prod's tenant workloads as files unless a workload declares it needs variables.
            "secret-hygiene": { requireDeclaredSecretEnv: true },
        },
    },
};

/** The base's registries with docker.io narrowed to the given organisations, in place. */
function narrowDockerHub(orgs: readonly string[]): string[] {
    return basePolicySettings["image-provenance"].allowedRegistries.flatMap((r) => (r === "docker.io" ? orgs.map((o) => `docker.io/${o}`) : [r]));
}
