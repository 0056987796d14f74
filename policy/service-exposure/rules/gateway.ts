// `gateway`: a Gateway API Gateway only where the stack's `allowed` lists type Gateway: a Gateway
// makes its controller provision a load balancer, so it is the LoadBalancer Service's equal.
import { AdmissionRule, celString } from "../../admission/rule";
import { allowedCel, allowedText, ServiceExposureSettings } from "../allowance";

export const gateway: AdmissionRule = {
    policy: "service-exposure",
    control: "gateway",
    targets: [{ group: "gateway.networking.k8s.io", kind: "Gateway", resource: "gateways" }],
    cel: (settings) => {
        const { allowed } = settings as ServiceExposureSettings;
        return {
            variables: [],
            expression: allowedCel(allowed, "Gateway"),
            messageExpression: celString(`is a Gateway API Gateway, which this stack allows only for: ${allowedText(allowed, "Gateway")}`),
        };
    },
};
