// A rule's settings outside the pack: the policy's schema defaults, as readConfig fills them in.
import { PolicyConfigSpec, schemaDefaults } from "../lib/config";

export const configSpecDefaults = (spec: PolicyConfigSpec): Record<string, unknown> => schemaDefaults<Record<string, unknown>>(spec.schema);
