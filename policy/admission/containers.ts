// The containers of a pod template as CEL reads them (init, regular, then ephemeral ones, the order
// admission visits them), and the shape of a rule judged container by container: a list of
// problem texts, each naming its container as the pack always has (`init container "setup"`).
import { POD_SPEC_IF_SET } from "./podTemplate";

const LISTS = [
    ["initContainers", "init container"], ["containers", "container"], ["ephemeralContainers", "ephemeral container"],
] as const;

export type ContainerField = (typeof LISTS)[number][0];

/** The pod spec (POD_SPEC_IF_SET) and a variable per container list, [] where the template has none. */
export const containerVariables = (fields: readonly ContainerField[]) => [
    POD_SPEC_IF_SET,
    ...fields.map((field) => ({ name: field, expression: `has(variables.podSpec.${field}) ? variables.podSpec.${field} : []` })),
];

/**
 * CEL list of problem texts: for each list of `fields`, for each check, for each container `c` of
 * the list for which `bad` holds, `<label> "<name>"` followed by `text` (CEL string expressions).
 */
export function containerProblems(fields: readonly ContainerField[], checks: ReadonlyArray<{ bad: string; text: string }>): string {
    return LISTS.filter(([field]) => fields.includes(field)).flatMap(([field, label]) => checks.map(({ bad, text }) =>
        `variables.${field}.filter(c, ${bad}).map(c, '${label} "' + c.name + '"' + (${text}))`)).join(" + ") || "[]";
}
