import { configSpec, WithExemptions } from "../lib/config";
import { JsonSchema } from "../lib/jsonSchema";

export interface ContainerResourcesConfig extends WithExemptions {
    requireCpuLimit: boolean;
    /** Highest CPU request or limit of one container, a quantity (e.g. "2"). */
    maxCpu?: string;
    /** Highest memory request or limit of one container, a quantity (e.g. "4Gi"). */
    maxMemory?: string;
}

const quantity = (description: string): JsonSchema => ({
    type: "string",
    pattern: "^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$",
    description,
});

export const CONTAINER_RESOURCES_CONTROLS = ["requests", "memoryLimit", "cpuLimit", "requestsAboveLimits", "maximum"] as const;

export const containerResourcesConfig = configSpec("container-resources", CONTAINER_RESOURCES_CONTROLS, {
    requireCpuLimit: {
        type: "boolean",
        default: false,
        description: "Whether every container must also set a CPU limit.",
    },
    maxCpu: quantity("Per-container maximum CPU request and limit."),
    maxMemory: quantity("Per-container maximum memory request and limit."),
});
