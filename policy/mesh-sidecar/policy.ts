// `mesh-sidecar`: in a mesh namespace (istio-injection enabled or an istio.io/rev label) every
// workload keeps its sidecar and sends all its traffic through it. Its rules are CEL, enforced by
// the pack at preview and by the API server at admission from the same text.
import { StackValidationPolicy } from "@pulumi/policy";
import { judgeRules } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { MESH_SIDECAR } from "./admissionRules";

export const meshSidecar: StackValidationPolicy = {
    name: "mesh-sidecar",
    description: "In mesh namespaces no workload opts out of sidecar injection or excludes traffic from its sidecar.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: MESH_SIDECAR.spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<WithExemptions>(args, MESH_SIDECAR.spec);
        judgeRules(MESH_SIDECAR.rules, config, config.exemptions, args.resources, report);
    },
};
