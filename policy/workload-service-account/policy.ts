// `workload-service-account`: the ServiceAccount a workload runs as is declared in the stack
// (the namespace's "default" ServiceAccount always exists), and no legacy, non-expiring
// ServiceAccount token Secret is declared. Its single-object rules (no workload on the default
// ServiceAccount while that identity means something; token automount declared) are CEL admission
// rules, enforced by the API server too (admissionRules.ts).
import { StackValidationPolicy } from "@pulumi/policy";
import { judgeRules } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { isPodTemplateType, podTemplateOf } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";
import { ofKind, refOf } from "../lib/stackResources";
import { WORKLOAD_SERVICE_ACCOUNT } from "./admissionRules";

const spec = WORKLOAD_SERVICE_ACCOUNT.spec;

export const workloadServiceAccount: StackValidationPolicy = {
    name: "workload-service-account",
    description: "Every workload's ServiceAccount exists in the stack, in the workload's namespace, is not the default one where that " +
        "identity counts, and its token is mounted only when asked for; no legacy ServiceAccount token Secrets.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: spec.schema,
    validateStack: (args, report) => {
        const config = readConfig<WithExemptions>(args, spec);
        const accounts = new Set(ofKind(args.resources, [""], "ServiceAccount").map((sa) => {
            const ref = refOf(sa);
            return `${ref.namespace ?? "default"}/${ref.name}`;
        }));
        for (const secret of ofKind(args.resources, [""], "Secret")) {
            if (secret.props.type !== "kubernetes.io/service-account-token") continue;
            const account = secret.props.metadata?.annotations?.["kubernetes.io/service-account.name"] ?? "(unnamed)";
            reporterFor(report, refOf(secret), config.exemptions, secret.urn)("legacyTokenSecret",
                `is a legacy token Secret for ServiceAccount "${account}": a token that never expires; mount a projected ` +
                "serviceAccountToken (TokenRequest API) instead");
        }
        for (const workload of args.resources) {
            if (!isPodTemplateType(workload.type)) continue;
            const spec = podTemplateOf(workload.type, workload.props)!.spec;
            const account = spec.serviceAccountName ?? spec.serviceAccount ?? "default";
            const ref = refOf(workload);
            const namespace = ref.namespace ?? "default";
            if (account === "default" || accounts.has(`${namespace}/${account}`)) continue;
            reporterFor(report, { ...ref, namespace }, config.exemptions, workload.urn)("undeclared",
                `runs as ServiceAccount "${account}", which this stack does not declare in namespace ${namespace}`);
        }
        judgeRules(WORKLOAD_SERVICE_ACCOUNT.rules, config, config.exemptions, args.resources, report);
    },
};
