// The component's chart values: the profile's sizing, restricted-compliant pods, selectors open
// to every namespace, and Grafana wired to its secrets and to the other add-ons' datasources.
import * as pulumi from "@pulumi/pulumi";
import { MonitoringSettings } from "../../infra/config/types";
import { additionalDatasources, DatasourceEndpoints, datasourceEnvValueFrom, exemplarDestination } from "./datasources";
import { meshCertificateValues } from "./meshCertificates";
import {
    GRAFANA_ADMIN_KEYS, GRAFANA_FULLNAME, KUBE_STATE_METRICS_FULLNAME, NODE_EXPORTER_FULLNAME, STACK_FULLNAME, DATASOURCE_UID,
} from "./names";
import { ContainerSecurityContext, KubePrometheusStackValues, PodSecurityContext, Resources } from "./values";

/** Label and value the Grafana sidecar watches for, in the dashboard namespaces, to load dashboards from ConfigMaps. */
export const DASHBOARD_LABEL = { key: "grafana_dashboard", value: "1" } as const;

// Sizes for the stack's small helpers; the profile sizes Prometheus itself. Override per stack
// through platform:chartValues.kubePrometheusStack.
const SMALL: Resources = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } };
const OPERATOR: Resources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const ALERTMANAGER: Resources = { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const GRAFANA: Resources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } };
const KUBE_STATE_METRICS: Resources = { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } };
const NODE_EXPORTER: Resources = { requests: { cpu: "50m", memory: "32Mi" }, limits: { memory: "64Mi" } };

// The uids/gids the upstream images run as (the charts' own defaults), plus seccomp at pod level.
const podSecurity = (uid: number, gid = uid): PodSecurityContext => ({
    runAsNonRoot: true, runAsUser: uid, runAsGroup: gid, fsGroup: gid, seccompProfile: { type: "RuntimeDefault" },
});
const containerSecurity = (readOnlyRootFilesystem?: boolean): ContainerSecurityContext => ({
    allowPrivilegeEscalation: false,
    ...(readOnlyRootFilesystem === undefined ? {} : { readOnlyRootFilesystem }),
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
});

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
}

export function monitoringValues(i: MonitoringValuesInput): KubePrometheusStackValues {
    const s = i.settings;
    const exemplars = exemplarDestination(i.datasources.jaegerQueryUrl);
    const envValueFrom = datasourceEnvValueFrom(i.datasources);
    return {
        fullnameOverride: STACK_FULLNAME,
        prometheusOperator: {
            resources: OPERATOR,
            securityContext: podSecurity(65534),
            containerSecurityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            prometheusConfigReloader: { resources: SMALL },
            admissionWebhooks: { enabled: false },
            tls: { enabled: false },
        },
        prometheus: {
            podDisruptionBudget: { enabled: s.prometheusReplicas > 1 },
            prometheusSpec: {
                replicas: s.prometheusReplicas,
                retention: s.retention,
                resources: s.prometheusResources,
                storageSpec: {
                    volumeClaimTemplate: {
                        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: s.storageSize } } },
                    },
                },
                ...(i.retainVolumes
                    ? { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" } }
                    : {}),
                securityContext: podSecurity(1000, 2000),
                // Exemplars carry trace ids; only worth storing when there is a tracing backend to link to.
                enableFeatures: exemplars ? ["exemplar-storage"] : [],
                serviceMonitorSelectorNilUsesHelmValues: false,
                podMonitorSelectorNilUsesHelmValues: false,
                ruleSelectorNilUsesHelmValues: false,
                probeSelectorNilUsesHelmValues: false,
                scrapeConfigSelectorNilUsesHelmValues: false,
                ...(i.meshCertificatesRevision ? meshCertificateValues(i.meshCertificatesRevision) : {}),
            },
        },
        alertmanager: {
            podDisruptionBudget: { enabled: s.alertmanagerReplicas > 1 },
            alertmanagerSpec: {
                replicas: s.alertmanagerReplicas,
                resources: ALERTMANAGER,
                securityContext: podSecurity(1000, 2000),
                useExistingSecret: true,
                configSecret: i.alertmanagerConfigSecretName,
            },
        },
        grafana: {
            fullnameOverride: GRAFANA_FULLNAME,
            replicas: s.grafanaReplicas,
            admin: { existingSecret: i.grafanaAdminSecretName, userKey: GRAFANA_ADMIN_KEYS.user, passwordKey: GRAFANA_ADMIN_KEYS.password },
            resources: GRAFANA,
            securityContext: podSecurity(472),
            containerSecurityContext: containerSecurity(),
            ...(s.grafanaReplicas > 1 ? { podDisruptionBudget: { maxUnavailable: 1 } } : {}),
            rbac: { namespaced: true, namespaces: i.dashboardNamespaces },
            sidecar: {
                resources: SMALL,
                securityContext: containerSecurity(),
                dashboards: {
                    enabled: true, label: DASHBOARD_LABEL.key, labelValue: DASHBOARD_LABEL.value,
                    resource: "configmap", searchNamespace: [i.namespace, ...i.dashboardNamespaces],
                },
                datasources: {
                    enabled: true,
                    defaultDatasourceEnabled: true,
                    isDefaultDatasource: true,
                    uid: DATASOURCE_UID.prometheus,
                    ...(exemplars ? { exemplarTraceIdDestinations: exemplars } : {}),
                },
            },
            additionalDataSources: additionalDatasources(i.datasources),
            ...(i.datasourceSecretName ? { envFromSecret: i.datasourceSecretName } : {}),
            ...(Object.keys(envValueFrom).length > 0 ? { envValueFrom } : {}),
        },
        "kube-state-metrics": {
            fullnameOverride: KUBE_STATE_METRICS_FULLNAME,
            resources: KUBE_STATE_METRICS,
        },
        "prometheus-node-exporter": {
            fullnameOverride: NODE_EXPORTER_FULLNAME,
            namespaceOverride: i.nodeExporterNamespace,
            resources: NODE_EXPORTER,
        },
    };
}
