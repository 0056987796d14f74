// What an environment profile holds: the full set of defaults for one environment, one key per
// component, each typed by that component's settings contract (components/<area>/settings.ts).
// infra/config composes the same components' schemas to validate a profile merged with a stack's
// knobs, and fails to compile if this type and that schema drift apart.
import type { ExternalSecretsSettings } from "../components/secrets/settings";
import type { ResourceMetricsSettings } from "../components/resourceMetrics/settings";
import type { RightSizingSettings } from "../components/rightSizing/settings";
import type { RequestScalingSettings } from "../components/requestScaling/settings";
import type { ProgressiveDeliverySettings } from "../components/progressiveDelivery/settings";
import type { GitOpsSettings } from "../components/gitops/settings";
import type { LoggingSettings } from "../components/logging/settings";
import type { MeshSettings } from "../components/mesh/settings";
import type { WorkloadDefaults } from "@reference-platform/consumer/microservice/settings";
import type { MonitoringSettings } from "../components/monitoring/settings";
import type { ShopSettings } from "../components/shop/settings";
import type { TenancySettings } from "../components/tenancy/settings";
import type { TracingSettings } from "../components/tracing/settings";

export const PROFILE_NAMES = ["dev", "staging", "prod"] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface EnvironmentProfile {
    workloads: WorkloadDefaults;
    tenancy: TenancySettings;
    mesh: MeshSettings;
    monitoring: MonitoringSettings;
    tracing: TracingSettings;
    logging: LoggingSettings;
    gitops: GitOpsSettings;
    shop: ShopSettings;
    /** The External Secrets Operator and the stack's one secret store. */
    externalSecrets: ExternalSecretsSettings;
    /** Who serves metrics.k8s.io, which the HPAs read: metrics-server installed here, the cluster, or nothing. */
    resourceMetrics: ResourceMetricsSettings;
    /** The VPA recommender, and a VerticalPodAutoscaler (updateMode "Off") for every service. */
    rightSizing: RightSizingSettings;
    requestScaling: RequestScalingSettings;
    /** Argo Rollouts, which moves a service opting in to progressive delivery step by step, checked against Prometheus. */
    progressiveDelivery: ProgressiveDeliverySettings;
    /** protect + retainOnDelete for stateful data (Elasticsearch, Prometheus volumes). */
    protectStatefulData: boolean;
    /** Per-chart repository overrides (mirrors, oci://), keyed by chart key in infra/charts.ts. */
    chartRepositories: Record<string, string>;
    /** Chart key -> the reason its chartRepositories mirror may use plain http; https otherwise. */
    httpChartRepositories?: Record<string, string>;
    /** Per-chart Helm values deep-merged over the component's defaults, keyed like chartRepositories. */
    chartValues: Record<string, Record<string, unknown>>;
}
