// The component's chart values: the profile's sizing, restricted-compliant pods, selectors open
// to every namespace, and Grafana wired to its secrets and to the other add-ons' datasources.
import { VPA_CUSTOM_RESOURCE_STATE, VPA_READ_RULE } from "./vpaRecommendationMetrics";
import * as pulumi from "@pulumi/pulumi";
import { MonitoringSettings } from "./settings";
import { additionalDatasources, DatasourceEndpoints, datasourceEnvValueFrom, exemplarDestination } from "./datasources";
import { meshCertificateValues } from "./meshCertificates";
import { tenantSelectionValues } from "./tenantSelection";
import { GRAFANA_FULLNAME, KUBE_STATE_METRICS_FULLNAME, NODE_EXPORTER_FULLNAME, STACK_FULLNAME } from "./names";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";
import { KubePrometheusStackValues } from "./chartValueTypes";

/**
 * Label and value the Grafana sidecar watches for, in the dashboard namespaces, to load dashboards
 * from ConfigMaps: kube-prometheus-stack's defaults for grafana.sidecar.dashboards.label/labelValue.
 */
export const DASHBOARD_LABEL = { key: "grafana_dashboard", value: "1" } as const;

// Sizes for the stack's small helpers; the profile sizes Prometheus itself. Override per stack
// through platform:chartValues.kubePrometheusStack.
const SMALL: ComputeResources = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } };
const OPERATOR: ComputeResources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const ALERTMANAGER: ComputeResources = { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const GRAFANA: ComputeResources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } };
const KUBE_STATE_METRICS: ComputeResources = { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const NODE_EXPORTER: ComputeResources = { requests: { cpu: "50m", memory: "32Mi" }, limits: { memory: "64Mi" } };

// The operator, Prometheus and Alertmanager pods, Grafana's containers and its sidecars already run
// restricted by the charts' defaults (non-root uids, no escalation, ALL dropped, RuntimeDefault);
// only Grafana's pod lacks the seccomp profile.

export interface MonitoringValuesInput {
    settings: MonitoringSettings;
    /** The node exporter's own (privileged) namespace. */
    nodeExporterNamespace: pulumi.Input<string>;
    grafanaAdminSecretName: pulumi.Input<string>;
    alertmanagerConfigSecretName: pulumi.Input<string>;
    /** Secret holding datasource credentials as environment variables; set only when one is needed. */
    datasourceSecretName?: pulumi.Input<string>;
    datasources: DatasourceEndpoints;
    /** Grafana's own namespace, where the chart's dashboards and datasources live. */
    namespace: pulumi.Input<string>;
    /** Namespaces whose labelled ConfigMaps hold dashboards (the tenants'). */
    dashboardNamespaces: pulumi.Input<string>[];
    /** Keep Prometheus volume claims when the StatefulSet is deleted or scaled down. */
    retainVolumes: boolean;
    /** Mesh revision whose workload certificate Prometheus scrapes with (STRICT mTLS); none otherwise. */
    meshCertificatesRevision?: string;
    /** The platform runs the VPA recommender: kube-state-metrics exposes the VPAs' recommendations. */
    rightSizing: boolean;
}

export function monitoringValues(inputs: MonitoringValuesInput): KubePrometheusStackValues {
    const s = inputs.settings;
    const exemplars = exemplarDestination(inputs.datasources.jaegerQueryUrl);
    const envValueFrom = datasourceEnvValueFrom(inputs.datasources);
    return {
        fullnameOverride: STACK_FULLNAME,
        prometheusOperator: {
            resources: OPERATOR,
            prometheusConfigReloader: { resources: SMALL },
            admissionWebhooks: { enabled: false },
            tls: { enabled: false },
        },
        prometheus: {
            ...(s.prometheusReplicas > 1 ? { podDisruptionBudget: { enabled: true } } : {}),
            prometheusSpec: {
                replicas: s.prometheusReplicas,
                retention: s.retention,
                resources: s.prometheusResources,
                storageSpec: {
                    volumeClaimTemplate: {
                        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: s.storageSize } } },
                    },
                },
                ...(inputs.retainVolumes
                    ? { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" } }
                    : {}),
                // Exemplars carry trace ids; only worth storing when there is a tracing backend to link to.
                enableFeatures: exemplars ? ["exemplar-storage"] : [],
                serviceMonitorSelectorNilUsesHelmValues: false,
                podMonitorSelectorNilUsesHelmValues: false,
                ruleSelectorNilUsesHelmValues: false,
                probeSelectorNilUsesHelmValues: false,
                scrapeConfigSelectorNilUsesHelmValues: false,
                ...tenantSelectionValues(),
                ...(inputs.meshCertificatesRevision ? meshCertificateValues(inputs.meshCertificatesRevision) : {}),
            },
        },
        alertmanager: {
            ...(s.alertmanagerReplicas > 1 ? { podDisruptionBudget: { enabled: true } } : {}),
            alertmanagerSpec: {
                replicas: s.alertmanagerReplicas,
                resources: ALERTMANAGER,
                useExistingSecret: true,
                configSecret: inputs.alertmanagerConfigSecretName,
            },
        },
        grafana: {
            fullnameOverride: GRAFANA_FULLNAME,
            replicas: s.grafanaReplicas,
            admin: { existingSecret: inputs.grafanaAdminSecretName },
            resources: GRAFANA,
            securityContext: { seccompProfile: RUNTIME_DEFAULT_SECCOMP },
            ...(s.grafanaReplicas > 1 ? { podDisruptionBudget: { maxUnavailable: 1 } } : {}),
            rbac: { namespaced: true, namespaces: inputs.dashboardNamespaces },
            sidecar: {
                resources: SMALL,
                // kube-prometheus-stack turns both sidecars on; the Prometheus datasource it provides is
                // the default one, with uid DATASOURCE_UID.prometheus.
                dashboards: { resource: "configmap", searchNamespace: [inputs.namespace, ...inputs.dashboardNamespaces] },
                ...(exemplars ? { datasources: { exemplarTraceIdDestinations: exemplars } } : {}),
            },
            additionalDataSources: additionalDatasources(inputs.datasources),
            ...(inputs.datasourceSecretName ? { envFromSecret: inputs.datasourceSecretName } : {}),
            ...(Object.keys(envValueFrom).length > 0 ? { envValueFrom } : {}),
        },
        "kube-state-metrics": {
            fullnameOverride: KUBE_STATE_METRICS_FULLNAME,
            resources: KUBE_STATE_METRICS,
            ...(inputs.rightSizing
                ? { customResourceState: { enabled: true as const, config: VPA_CUSTOM_RESOURCE_STATE }, rbac: { extraRules: [VPA_READ_RULE] } }
                : {}),
        },
        "prometheus-node-exporter": {
            fullnameOverride: NODE_EXPORTER_FULLNAME,
            namespaceOverride: inputs.nodeExporterNamespace,
            resources: NODE_EXPORTER,
        },
    };
}
