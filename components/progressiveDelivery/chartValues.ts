// The component's values for a stack: Argo Rollouts' controller alone, sized by the profile and
// restricted, with its RBAC narrowed to the mesh's traffic router.
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { ArgoRolloutsValues } from "./chartValueTypes";
import { METRICS_PORT_NAME } from "./names";
import { ProgressiveDeliverySettings } from "./settings";

export function argoRolloutsValues(settings: ProgressiveDeliverySettings): ArgoRolloutsValues {
    return {
        installCRDs: true,
        keepCRDs: true,
        createClusterAggregateRoles: false,
        controller: {
            replicas: 1,
            resources: { requests: { ...settings.resources.requests }, limits: { ...settings.resources.limits } },
            metrics: { enabled: true, service: { portName: METRICS_PORT_NAME } },
        },
        containerSecurityContext: restrictedContainerSecurityContext(),
        podSecurityContext: restrictedPodSecurityContext(),
        providerRBAC: {
            providers: {
                smi: false,
                ambassador: false,
                awsLoadBalancerController: false,
                awsAppMesh: false,
                traefik: false,
                apisix: false,
                contour: false,
                glooPlatform: false,
                gatewayAPI: false,
            },
        },
        dashboard: { enabled: false },
    };
}
