// Exactly the kube-prometheus-stack 88.5.3 value keys this component sets (checked against the
// chart's values.yaml and those of its grafana 12.11.1, kube-state-metrics 8.4.0 and
// prometheus-node-exporter 4.56.1 subcharts), so a misspelt key fails to compile.
import type { VPA_CUSTOM_RESOURCE_STATE, VPA_READ_RULE } from "./vpaRecommendationMetrics";
import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import type { RUNTIME_DEFAULT_SECCOMP } from "@reference-platform/consumer/shared/securityContext";

export interface PvcRetentionPolicy {
    whenDeleted: "Retain" | "Delete";
    whenScaled: "Retain" | "Delete";
}

/** prometheusSpec keys that bound what tenants' monitors and rules can reach (tenantSelection.ts). */
export interface TenantSelectionValues {
    arbitraryFSAccessThroughSMs: { deny: true };
    ignoreNamespaceSelectors: true;
    enforcedNamespaceLabel: string;
}

/** A Prometheus scrape class: TLS files only the platform may name (monitors opt in by `scrapeClass`). */
export interface ScrapeClass {
    name: string;
    tlsConfig: { caFile: string; certFile: string; keyFile: string; insecureSkipVerify: boolean };
}

export interface PrometheusSpecValues extends TenantSelectionValues {
    replicas: number;
    retention: string;
    resources: ComputeResources;
    storageSpec: {
        volumeClaimTemplate: {
            spec: { accessModes: ["ReadWriteOnce"]; resources: { requests: { storage: string } } };
        };
    };
    persistentVolumeClaimRetentionPolicy?: PvcRetentionPolicy;
    enableFeatures: string[];
    // false: select monitors and rules by no label, so tenants' own objects are picked up too.
    serviceMonitorSelectorNilUsesHelmValues: false;
    podMonitorSelectorNilUsesHelmValues: false;
    ruleSelectorNilUsesHelmValues: false;
    probeSelectorNilUsesHelmValues: false;
    scrapeConfigSelectorNilUsesHelmValues: false;
    /** Propagated to the Prometheus pods (the CRD's podMetadata): the mesh certificate sidecar's label and annotations. */
    podMetadata?: { labels: Record<string, string>; annotations: Record<string, string> };
    /** Extra pod volumes and mounts in the `prometheus` container (the CRD's volumes/volumeMounts). */
    volumes?: { name: string; emptyDir: { medium: "Memory" } }[];
    volumeMounts?: { name: string; mountPath: string; readOnly: boolean }[];
    scrapeClasses?: ScrapeClass[];
}

export interface AlertmanagerSpecValues {
    replicas: number;
    resources: ComputeResources;
    /** The chart renders no config Secret; the operator reads `configSecret` instead. */
    useExistingSecret: true;
    configSecret: pulumi.Input<string>;
}

export interface GrafanaDatasource {
    name: string;
    type: string;
    uid: string;
    access: "proxy";
    url: string;
    editable: false;
    basicAuth?: boolean;
    basicAuthUser?: string;
    jsonData?: Record<string, unknown>;
    secureJsonData?: Record<string, string>;
}

export interface ExemplarTraceIdDestination {
    datasourceUid: string;
    traceIdLabelName: string;
    urlDisplayLabel: string;
}

export interface GrafanaValues {
    fullnameOverride: string;
    replicas: number;
    /** Keys admin-user and admin-password (the chart's defaults, GRAFANA_ADMIN_KEYS). */
    admin: { existingSecret: pulumi.Input<string> };
    resources: ComputeResources;
    securityContext: { seccompProfile: typeof RUNTIME_DEFAULT_SECCOMP };
    /** Set when Grafana runs more than one replica. */
    podDisruptionBudget?: { maxUnavailable: number };
    /** Roles in the listed namespaces (and Grafana's own) instead of a cluster-wide ClusterRole. */
    rbac: { namespaced: true; namespaces: pulumi.Input<string>[] };
    sidecar: {
        resources: ComputeResources;
        /** Only ConfigMaps, and only in the namespaces the Roles cover. */
        dashboards: { resource: "configmap"; searchNamespace: pulumi.Input<string>[] };
        /** Links exemplars to traces, when there is a tracing backend. */
        datasources?: { exemplarTraceIdDestinations: ExemplarTraceIdDestination };
    };
    additionalDataSources: GrafanaDatasource[];
    /** Secret whose keys become Grafana's environment; datasource passwords are expanded from it. */
    envFromSecret?: pulumi.Input<string>;
    /** Single environment variables from other Secrets (e.g. the Elasticsearch CA copied in by logging). */
    envValueFrom?: Record<string, { secretKeyRef: { name: string; key: string } }>;
}

export interface KubePrometheusStackValues {
    fullnameOverride: string;
    prometheusOperator: {
        resources: ComputeResources;
        prometheusConfigReloader: { resources: ComputeResources };
        // Chart v4 skips Helm hooks, and the webhook's certificate comes from hook Jobs: without
        // them the operator would wait forever for its TLS Secret. Validation of PrometheusRules
        // is the only loss (the chart sets its webhooks to failurePolicy Ignore anyway).
        admissionWebhooks: { enabled: false };
        tls: { enabled: false };
    };
    prometheus: {
        /** Only with several replicas (the chart's default is none). */
        podDisruptionBudget?: { enabled: true };
        prometheusSpec: PrometheusSpecValues;
    };
    alertmanager: {
        /** Only with several replicas (the chart's default is none). */
        podDisruptionBudget?: { enabled: true };
        alertmanagerSpec: AlertmanagerSpecValues;
    };
    grafana: GrafanaValues;
    "kube-state-metrics": {
        fullnameOverride: string;
        resources: ComputeResources;
        /** Only with right-sizing: the VPAs' recommendations as series (vpaRecommendationMetrics.ts). */
        customResourceState?: { enabled: true; config: typeof VPA_CUSTOM_RESOURCE_STATE };
        rbac?: { extraRules: (typeof VPA_READ_RULE)[] };
    };
    "prometheus-node-exporter": {
        fullnameOverride: string;
        /** The node exporter needs host access: it runs in its own privileged namespace. */
        namespaceOverride: pulumi.Input<string>;
        resources: ComputeResources;
    };
}
