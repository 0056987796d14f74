// `externalIPs`: no Service sets externalIPs, the allowed LoadBalancer included: kube-proxy then
// intercepts traffic to those addresses from every pod of the cluster (CVE-2020-8554).
import { AdmissionRule } from "../../admission/rule";
import { SERVICE } from "./service";

export const externalIPs: AdmissionRule = {
    policy: "service-exposure",
    control: "externalIPs",
    targets: [SERVICE],
    cel: () => ({
        variables: [],
        expression: "!has(object.spec) || !has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0",
        messageExpression: "'sets externalIPs ' + object.spec.externalIPs.join(', ') + " +
            "', which lets it intercept traffic to those addresses from every pod (CVE-2020-8554)'",
    }),
};
