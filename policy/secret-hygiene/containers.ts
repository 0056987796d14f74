// Every container of a workload's pod template as one CEL list: containers, init containers and
// ephemeral containers, each of which may carry environment variables. A list a chart renders as
// `null` is read as absent, as the API server decodes it.
import { POD_TEMPLATE_VARIABLES } from "../admission/podTemplate";

export const CONTAINER_VARIABLES = [
    ...POD_TEMPLATE_VARIABLES,
    {
        name: "containers",
        expression: "variables.podSpec.containers + " +
            "(has(variables.podSpec.initContainers) && variables.podSpec.initContainers != null ? variables.podSpec.initContainers : []) + " +
            "(has(variables.podSpec.ephemeralContainers) && variables.podSpec.ephemeralContainers != null ? variables.podSpec.ephemeralContainers : [])",
    },
] as const;
