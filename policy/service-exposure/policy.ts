// `service-exposure`: Services of type NodePort or LoadBalancer only where the stack allows them.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { isKubeKind } from "../lib/kubeType";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { reporterFor } from "../lib/report";

const EXPOSED_TYPES = ["NodePort", "LoadBalancer"];

interface AllowedExposure {
    namespace: string;
    name?: string;
    type: string;
}

interface ServiceExposureConfig extends WithExemptions {
    allowed: AllowedExposure[];
}

const spec = configSpec("service-exposure", ["exposedType"], {
    allowed: {
        type: "array",
        default: [],
        description: "Where a Service may be exposed outside the cluster: namespace, optional name, and type.",
        items: {
            type: "object",
            additionalProperties: false,
            required: ["namespace", "type"],
            properties: {
                namespace: { type: "string", minLength: 1 },
                name: { type: "string", minLength: 1 },
                type: { type: "string", enum: EXPOSED_TYPES },
            },
        },
    },
});

export const serviceExposure: ResourceValidationPolicy = {
    name: "service-exposure",
    description: "Services use type NodePort or LoadBalancer only in the namespaces (and names) the stack allows.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: spec.schema,
    validateResource: (args, report) => {
        if (!isKubeKind(args.type, [""], "Service")) return args.notApplicable("not a Service");
        const type = args.props.spec?.type;
        if (!EXPOSED_TYPES.includes(type)) return;
        const config = readConfig<ServiceExposureConfig>(args, spec);
        const ref = withDefaultNamespace(argsRef(args));
        const allowed = config.allowed.some((a) => a.type === type && a.namespace === ref.namespace && (a.name === undefined || a.name === ref.name));
        if (!allowed) {
            reporterFor(report, ref, config.exemptions)("exposedType", `is of type ${type}, which this stack allows only for: ${
                config.allowed.filter((a) => a.type === type).map((a) => (a.name ? `${a.namespace}/${a.name}` : a.namespace)).join(", ") || "nothing"}`);
        }
    },
};
