// What `container-resources`' rules share: the kinds (every pod template), the containers that can
// be sized (init and regular; ephemeral containers cannot declare resources, they share the pod's),
// and the rule's shape: a list of problems, one text per container (or per container and
// resource), judged as "none", reported joined by "; ".
import { containerProblems, ContainerField, containerVariables } from "../../admission/containers";
import { POD_TEMPLATE_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule, RuleCel } from "../../admission/rule";
import { ContainerResourcesConfig } from "../config";

export type Resource = "cpu" | "memory";

/** Init and regular containers: ephemeral ones cannot declare resources (they share the pod's). */
const FIELDS: readonly ContainerField[] = ["initContainers", "containers"];

/** CEL: the container `c` sets `resources.<field>.<resource>`. */
export const sets = (field: "requests" | "limits", resource: Resource): string =>
    `(has(c.resources) && has(c.resources.${field}) && '${resource}' in c.resources.${field})`;

/** CEL: `resources.<field>.<resource>` of `c` as text ('' when unset). */
export const valueText = (field: "requests" | "limits", resource: Resource): string => `string(c.resources.${field}['${resource}'])`;

/** CEL list of problem texts, each `<init >container "<name>" ` and its text (containerProblems). */
export const problems = (checks: ReadonlyArray<{ bad: string; text: string }>): string =>
    containerProblems(FIELDS, checks.map(({ bad, text }) => ({ bad, text: `' ' + ${text}` })));

/** A container-resources rule: no problems, else their texts joined. */
export function containerRule(control: string, define: (config: ContainerResourcesConfig) => string | undefined, unsetFields = false): AdmissionRule {
    return {
        policy: "container-resources",
        control,
        targets: POD_TEMPLATE_TARGETS,
        judgesUnsetFields: unsetFields,
        cel: (settings): RuleCel | undefined => {
            const list = define(settings as ContainerResourcesConfig);
            // A check the stack's settings switch off (no CPU limit required, no maximum): no policy.
            if (list === undefined) return undefined;
            return {
                variables: [...containerVariables(FIELDS), { name: "problems", expression: list }],
                expression: "size(variables.problems) == 0",
                messageExpression: "variables.problems.join('; ')",
            };
        },
    };
}
