// What `container-resources`' rules share: the kinds (every pod template), the containers that can
// be sized (init and regular; ephemeral containers cannot declare resources, they share the pod's),
// and the rule's shape: a list of problems, one text per container (or per container and
// resource), judged as "none", reported joined by "; ".
import { POD_SPEC_IF_SET, POD_TEMPLATE_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule, RuleCel } from "../../admission/rule";
import { ContainerResourcesConfig } from "../config";

export type Resource = "cpu" | "memory";

/** [variable, how the pack names a container of it]: init containers first, as admission visits them. */
const LISTS = [["initContainers", "init container"], ["containers", "container"]] as const;

const VARIABLES = [
    POD_SPEC_IF_SET,
    ...LISTS.map(([field]) => ({ name: field, expression: `has(variables.podSpec.${field}) ? variables.podSpec.${field} : []` })),
];

/** CEL: the container `c` sets `resources.<field>.<resource>`. */
export const sets = (field: "requests" | "limits", resource: Resource): string =>
    `(has(c.resources) && has(c.resources.${field}) && '${resource}' in c.resources.${field})`;

/** CEL: `resources.<field>.<resource>` of `c` as text ('' when unset). */
export const valueText = (field: "requests" | "limits", resource: Resource): string => `string(c.resources.${field}['${resource}'])`;

/**
 * CEL list of problem texts: for each container, in order, for each check (CEL over `c`) that
 * holds, `<init >container "<name>" ` followed by its text (a CEL string expression over `c`).
 */
export function problems(checks: ReadonlyArray<{ bad: string; text: string }>): string {
    return LISTS.flatMap(([field, label]) => checks.map(({ bad, text }) =>
        `variables.${field}.filter(c, ${bad}).map(c, '${label} "' + c.name + '" ' + ${text})`)).join(" + ") || "[]";
}

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
                variables: [...VARIABLES, { name: "problems", expression: list }],
                expression: "size(variables.problems) == 0",
                messageExpression: "variables.problems.join('; ')",
            };
        },
    };
}
