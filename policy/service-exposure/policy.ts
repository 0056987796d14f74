// `service-exposure`: what reaches the cluster from outside, and what can hijack traffic.
// - Services of type NodePort or LoadBalancer, and Gateway API Gateways, only where the stack allows.
// - No Service with externalIPs (CVE-2020-8554: it intercepts traffic to those IPs cluster-wide),
//   the allowed LoadBalancer included.
// - No ExternalName Service outside the namespaces the stack lists (it can point a tenant's name
//   at any host, in or outside the cluster).
// - Every Ingress terminates TLS for each of its hosts.
// Each rule is CEL (rules/), judged here per object at `pulumi up` and by the API server at
// admission from the same text (policy/admission).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { judgeResource, rulesFor } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { notApplicable } from "../lib/notApplicable";
import { SERVICE_EXPOSURE } from "./admissionRules";
import { ServiceExposureSettings } from "./allowance";

export const serviceExposure: ResourceValidationPolicy = {
    name: "service-exposure",
    description: "Services are exposed (NodePort, LoadBalancer) and Gateways declared only where allowed; no externalIPs; " +
        "no ExternalName in tenant namespaces; every Ingress host has TLS.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: SERVICE_EXPOSURE.spec.schema,
    validateResource: (args, report) => {
        if (rulesFor(SERVICE_EXPOSURE.rules, args.type).length === 0) return notApplicable(args, "not a Service, Ingress or Gateway");
        const config = readConfig<WithExemptions & ServiceExposureSettings>(args, SERVICE_EXPOSURE.spec);
        judgeResource(SERVICE_EXPOSURE.rules, config, config.exemptions, args, report);
    },
};
