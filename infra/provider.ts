// The one Kubernetes provider every component is given. Nothing uses the ambient provider.
import * as k8s from "@pulumi/kubernetes";
import { PlatformConfig } from "./config";

export function createKubernetesProvider(config: Pick<PlatformConfig, "provider" | "secrets">): k8s.Provider {
    return new k8s.Provider("platform-k8s", {
        kubeconfig: config.secrets.kubeconfig,
        context: config.provider.context,
        renderYamlToDirectory: config.provider.renderYamlToDirectory,
    });
}
