// `exposedType`: a Service of type NodePort or LoadBalancer only where the stack's `allowed` says:
// either type opens a port on every node or an address outside the cluster.
import { AdmissionRule, celString } from "../../admission/rule";
import { allowedCel, allowedText, ServiceExposureSettings } from "../allowance";
import { SERVICE, SERVICE_TYPE } from "./service";

export const exposedType: AdmissionRule = {
    policy: "service-exposure",
    control: "exposedType",
    targets: [SERVICE],
    cel: (settings) => {
        const { allowed } = settings as ServiceExposureSettings;
        return {
            variables: [SERVICE_TYPE],
            expression: "!(variables.type in ['NodePort', 'LoadBalancer']) || " +
                `(variables.type == 'NodePort' ? ${allowedCel(allowed, "NodePort")} : ${allowedCel(allowed, "LoadBalancer")})`,
            messageExpression: "'is of type ' + variables.type + ', which this stack allows only for: ' + " +
                `(variables.type == 'NodePort' ? ${celString(allowedText(allowed, "NodePort"))} : ${celString(allowedText(allowed, "LoadBalancer"))})`,
        };
    },
};
