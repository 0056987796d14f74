// SEC002: in a tenant namespace, a workload reads a Secret as environment variables (envFrom or a
// secretKeyRef) only when its pod template declares that Secret in the annotation the platform's
// Microservice writes (a comma-separated list of Secret names). Off unless the stack's config sets
// requireDeclaredSecretEnv (prod): files are the default, variables the declared exception.
import { NAMESPACE_LABELS, namespaceLabelIs } from "../../admission/namespace";
import { WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule, celString, tableMessageCel } from "../../admission/rule";
import { CONTAINER_VARIABLES, everyContainer, forContainers } from "../containers";
import { MESSAGES } from "../messages";

export interface SecretEnvSettings {
    tenantLabel: string;
    requireDeclaredSecretEnv: boolean;
    secretEnvAnnotation: string;
}

const m = MESSAGES.UndeclaredSecretEnv;

/** CEL: the Secret names container `c` reads as variables that the template does not declare. */
const UNDECLARED = "(has(c.envFrom) && c.envFrom != null ? c.envFrom.filter(f, has(f.secretRef) && !variables.declared.contains(',' + f.secretRef.name + ',')).map(f, f.secretRef.name) : []) + " +
    "(has(c.env) && c.env != null ? c.env.filter(e, has(e.valueFrom) && has(e.valueFrom.secretKeyRef) && !variables.declared.contains(',' + e.valueFrom.secretKeyRef.name + ','))" +
    ".map(e, e.valueFrom.secretKeyRef.name) : [])";

export const undeclaredSecretEnv: AdmissionRule = {
    policy: "secret-hygiene",
    control: m.control,
    targets: WORKLOAD_TARGETS,
    cel: (settings) => {
        const s = settings as SecretEnvSettings;
        const annotation = celString(s.secretEnvAnnotation);
        return {
            variables: [
                ...CONTAINER_VARIABLES,
                NAMESPACE_LABELS,
                { name: "inTenant", expression: namespaceLabelIs(s.tenantLabel, "true") },
                { name: "declared", expression: `${annotation} in variables.podAnnotations ? ',' + variables.podAnnotations[${annotation}] + ',' : ','` },
            ],
            expression: s.requireDeclaredSecretEnv ? `!variables.inTenant || (${everyContainer(`size(${UNDECLARED}) == 0`)})` : "true",
            messageExpression: tableMessageCel(m.code, m.text, [
                `(${forContainers(`size(${UNDECLARED}) > 0`, `(${UNDECLARED}).join(', ')`)}).join(', ')`,
                annotation,
            ]),
        };
    },
};
