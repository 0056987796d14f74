import { StackConfigError } from "@reference-platform/consumer/shared/stackConfig";

/** A stack configuration mistake, reported before any resource is registered. */
export class ConfigError extends StackConfigError {
    constructor(problems: string[]) {
        super(problems);
        this.name = "ConfigError";
    }
}
