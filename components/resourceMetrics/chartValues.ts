// The component's values for a stack: metrics-server sized and replicated by the profile, restricted,
// and told to skip kubelet certificate checks only where the stack says its kubelets self-sign.
// The APIService keeps the chart's insecureSkipTLSVerify: the chart's other option (tls.type helm)
// generates a new CA at every render, which a Pulumi Chart would show as a change at every `up`.
import { restrictedContainerSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { MetricsServerValues } from "./chartValueTypes";
import { ResourceMetricsSettings } from "./settings";

/** The flag a kind, k3d or minikube kubelet needs: their serving certificates are self-signed. */
export const KUBELET_INSECURE_TLS_FLAG = "--kubelet-insecure-tls";

export function metricsServerValues(settings: ResourceMetricsSettings): MetricsServerValues {
    return {
        replicas: settings.replicas,
        ...(settings.kubeletInsecureTls ? { args: [KUBELET_INSECURE_TLS_FLAG] } : {}),
        resources: { requests: { ...settings.resources.requests }, limits: { ...settings.resources.limits } },
        securityContext: restrictedContainerSecurityContext(),
        ...(settings.replicas >= 2 ? { podDisruptionBudget: { enabled: true as const, maxUnavailable: 1 } } : {}),
    };
}
