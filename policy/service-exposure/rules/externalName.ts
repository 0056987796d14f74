// `externalName`: an ExternalName Service only in the namespaces the stack lists (platform ones,
// never a tenant's): it can point a name in the namespace at any host, in or outside the cluster.
import { AdmissionRule, celList, celString } from "../../admission/rule";
import { ServiceExposureSettings } from "../allowance";
import { SERVICE, SERVICE_TYPE } from "./service";

export const externalName: AdmissionRule = {
    policy: "service-exposure",
    control: "externalName",
    targets: [SERVICE],
    cel: (settings) => {
        const namespaces = (settings as ServiceExposureSettings).externalNameNamespaces;
        return {
            variables: [SERVICE_TYPE],
            expression: `variables.type != 'ExternalName' || ${namespaces.length > 0 ? `object.metadata.namespace in ${celList(namespaces)}` : "false"}`,
            messageExpression: "'is an ExternalName Service (to \"' + (has(object.spec.externalName) ? object.spec.externalName : '') + " +
                `'"), which this stack allows only in: ' + ${celString(namespaces.join(", ") || "no namespace")}`,
        };
    },
};
