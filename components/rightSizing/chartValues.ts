// The component's values for a stack: the recommender alone, sized by the profile and restricted.
import { restrictedContainerSecurityContext } from "@reference-platform/consumer/shared/securityContext";
import { VpaValues } from "./chartValueTypes";
import { RightSizingSettings } from "./settings";

export function vpaValues(settings: RightSizingSettings): VpaValues {
    return {
        recommender: {
            resources: { requests: { ...settings.resources.requests }, limits: { ...settings.resources.limits } },
            securityContext: restrictedContainerSecurityContext(),
        },
        updater: { enabled: false },
        admissionController: { enabled: false },
    };
}
