// Every container of a workload's pod template, for CEL: containers, init containers and ephemeral
// containers, each of which may carry environment variables. The three lists are judged one by one,
// never concatenated: concatenating reads every field of every element, a value still unknown at
// preview (an image) included, and the rule could then not run before the image is built. A list a
// chart renders as `null` is read as absent, as the API server decodes it.
import { POD_TEMPLATE_VARIABLES } from "../admission/podTemplate";

export const CONTAINER_VARIABLES = [
    ...POD_TEMPLATE_VARIABLES,
    { name: "initContainers", expression: "has(variables.podSpec.initContainers) && variables.podSpec.initContainers != null ? variables.podSpec.initContainers : []" },
    { name: "ephemeralContainers", expression: "has(variables.podSpec.ephemeralContainers) && variables.podSpec.ephemeralContainers != null ? variables.podSpec.ephemeralContainers : []" },
] as const;

const LISTS = ["variables.podSpec.containers", "variables.initContainers", "variables.ephemeralContainers"];

/** CEL: `predicate` (over the container `c`) holds for every container. */
export const everyContainer = (predicate: string): string => LISTS.map((list) => `${list}.all(c, ${predicate})`).join(" && ");

/** CEL: a list of strings, `describe` (over `c`) for each container where `select` holds. */
export const forContainers = (select: string, describe: string): string =>
    LISTS.map((list) => `${list}.filter(c, ${select}).map(c, ${describe})`).join(" + ");
