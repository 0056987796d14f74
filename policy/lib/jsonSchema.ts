import { PolicyConfigSchema } from "@pulumi/policy";

/** The JSON Schema of one config property, as @pulumi/policy types it. */
export type JsonSchema = PolicyConfigSchema["properties"][string];
