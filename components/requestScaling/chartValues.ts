// The component's values for a stack: KEDA's three pods sized by the profile and restricted, and
// its access narrowed to what scaling Deployments on Prometheus needs.
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { KedaPod, KedaValues } from "./chartValueTypes";
import { RequestScalingSettings } from "./settings";

const PODS: readonly KedaPod[] = ["operator", "metricServer", "webhooks"];

const perPod = <T>(value: () => T) => Object.fromEntries(PODS.map((pod) => [pod, value()])) as Record<KedaPod, T>;

export function kedaValues(settings: RequestScalingSettings): KedaValues {
    return {
        resources: perPod(() => ({ requests: { ...settings.resources.requests }, limits: { ...settings.resources.limits } })),
        securityContext: perPod(() => restrictedContainerSecurityContext()),
        podSecurityContext: perPod(() => restrictedPodSecurityContext()),
        permissions: { operator: { restrict: { secret: true } }, metricServer: { restrict: { secret: true } } },
        rbac: { enabledCustomScaledRefKinds: false },
        enableServiceLinks: false,
    };
}
