// The component's values for a stack: the profile's auth, size and view-only switch, the
// in-cluster Services of Prometheus, Jaeger and Grafana, and the mesh's revisions.
import * as pulumi from "@pulumi/pulumi";
import { KialiSettings } from "./settings";
import { KIALI_FULLNAME, SIGNING_KEY_SECRET } from "./names";
import { KialiValues } from "./chartValueTypes";
import { restrictedContainerSecurityContext } from "@reference-platform/consumer/shared/securityContext";

/**
 * Where Kiali reads from: the other components' URL outputs, derived from their static Service
 * names and the namespaces' names, so known at preview.
 */
export interface KialiBackends {
    /** Prometheus's HTTP API, e.g. http://monitoring-prometheus.monitoring.svc:9090. */
    prometheusUrl: pulumi.Input<string>;
    /** Jaeger's query service (HTTP API); absent without tracing. */
    tracingQueryUrl?: pulumi.Input<string>;
    /** Grafana's in-cluster URL; absent without monitoring's Grafana. */
    grafanaUrl?: pulumi.Input<string>;
}

export interface KialiMesh {
    /** The mesh's root namespace, where istiod runs. */
    rootNamespace: string;
    /** The default revision, then a canary if one is installed. */
    revision: string;
    canaryRevision?: string;
}

/** What a browser opens for links out of Kiali: the port-forwards the README shows. */
export const BROWSER_URLS = { grafana: "http://localhost:3000", tracing: "http://localhost:16686" } as const;

const RESTRICTED = restrictedContainerSecurityContext();

export function kialiValues(settings: KialiSettings, backends: KialiBackends, mesh: KialiMesh): KialiValues {
    return {
        fullnameOverride: KIALI_FULLNAME,
        auth: { strategy: settings.auth },
        login_token: { signing_key: `secret:${SIGNING_KEY_SECRET.name}:${SIGNING_KEY_SECRET.key}` },
        deployment: {
            view_only_mode: settings.viewOnly,
            replicas: settings.replicas,
            resources: { requests: { ...settings.resources.requests }, limits: { ...settings.resources.limits } },
            image_pull_policy: "IfNotPresent",
            pod_annotations: { "sidecar.istio.io/inject": "false" },
            security_context: RESTRICTED,
            ...(settings.replicas > 1 ? { pod_disruption_budget: { spec: { maxUnavailable: 1 } } } : {}),
        },
        external_services: {
            prometheus: { url: backends.prometheusUrl },
            grafana: backends.grafanaUrl
                ? { enabled: true, in_cluster_url: backends.grafanaUrl, url: BROWSER_URLS.grafana }
                : { enabled: false, in_cluster_url: "", url: "" },
            tracing: backends.tracingQueryUrl
                ? { enabled: true, provider: "jaeger", in_cluster_url: backends.tracingQueryUrl, url: BROWSER_URLS.tracing, use_grpc: false }
                : { enabled: false, provider: "jaeger", in_cluster_url: "", url: "", use_grpc: false },
            istio: {
                root_namespace: mesh.rootNamespace,
                istio_canary_revision: { current: mesh.revision, ...(mesh.canaryRevision ? { upgrade: mesh.canaryRevision } : {}) },
            },
        },
    };
}
