// The component's values for a stack: the operator, its webhook and its cert controller run
// restricted and sized; the controller's size is the profile's (platform:externalSecrets.resources).
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { ComputeResources } from "@reference-platform/consumer/shared/resources";
import { ExternalSecretsValues } from "./chartValueTypes";

/** The webhook validates ESO objects on admission; the cert controller rotates its certificate. Both stay small. */
export const WEBHOOK_RESOURCES: ComputeResources = { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } };
export const CERT_CONTROLLER_RESOURCES: ComputeResources = { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } };

const restricted = (resources: ComputeResources) => ({
    resources: { requests: { ...resources.requests }, limits: { ...resources.limits } },
    podSecurityContext: restrictedPodSecurityContext(),
    securityContext: { enabled: true as const, ...restrictedContainerSecurityContext() },
});

export function externalSecretsValues(controller: ComputeResources): ExternalSecretsValues {
    return {
        processClusterExternalSecret: false,
        processPushSecret: false,
        processClusterPushSecret: false,
        rbac: { aggregateToEdit: false, aggregateToAdmin: false },
        ...restricted(controller),
        webhook: restricted(WEBHOOK_RESOURCES),
        certController: restricted(CERT_CONTROLLER_RESOURCES),
    };
}
