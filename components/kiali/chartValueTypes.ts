// Exactly the kiali-server chart keys this component sets, checked against the values.yaml of
// kiali-server 2.29.0 and the Kiali server's config (kiali/kiali config/config.go), which the
// chart copies into its ConfigMap. A misspelt key fails to compile.
import * as pulumi from "@pulumi/pulumi";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { RestrictedContainerSecurityContext } from "@reference-platform/consumer/shared/securityContext";

export interface KialiValues {
    fullnameOverride: string;
    auth: { strategy: "anonymous" | "token" };
    /** "secret:<name>:<key>": the chart mounts the Secret instead of writing a key into the ConfigMap. */
    login_token: { signing_key: string };
    deployment: {
        /** Read-only: the chart renders the viewer ClusterRole and the UI offers no write actions. */
        view_only_mode: boolean;
        replicas: number;
        resources: ComputeResources;
        /** The chart's own default is Always; the image is pinned by the chart version. */
        image_pull_policy: "IfNotPresent";
        /** Replaces the chart's pod annotations: Kiali runs outside the mesh (see index.ts). */
        pod_annotations: Record<string, string>;
        security_context: RestrictedContainerSecurityContext;
        /** Set when Kiali runs more than one replica. */
        pod_disruption_budget?: { spec: { maxUnavailable: number } };
    };
    external_services: {
        prometheus: { url: pulumi.Input<string> };
        grafana: { enabled: boolean; in_cluster_url: pulumi.Input<string>; url: string };
        tracing: { enabled: boolean; provider: "jaeger"; in_cluster_url: pulumi.Input<string>; url: string; use_grpc: false };
        istio: {
            root_namespace: string;
            /** The revisions Kiali's namespace actions move workloads between (the default, then the canary). */
            istio_canary_revision: { current: string; upgrade?: string };
        };
    };
}
