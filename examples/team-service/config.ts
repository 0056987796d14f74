// This program's own stack config, validated before anything is registered, with the platform's
// own reader and messages (@reference-platform/consumer/shared/stackConfig): every mistake in one
// pass, with the accepted keys and the `pulumi config set --path` that sets a key. What depends on
// the platform (its mTLS mode, the scrape identity, workload defaults, the namespace's limits) is
// read from the platform stack, never set here. Secrets stay secret: `secretEnv` must be set with
// --secret, and a key set with --secret is read with its secret flag, never printed.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { dnsLabel, envVarName, pinnedImage, replicas } from "@reference-platform/consumer/shared/fields";
import { computeResourcesSchema } from "@reference-platform/consumer/shared/resources";
import { readStackConfig } from "@reference-platform/consumer/shared/stackConfig";
import { deliverySettingsSchema } from "@reference-platform/consumer/microservice/settings";

export const CONFIG_NAMESPACE = "team-service";

const variables = z.record(envVarName, z.string({ message: "must be a string" }), { message: "must map variable names to values" });

const schema = z.strictObject({
    /** The platform stack to read: <organization>/<project>/<stack>, of this stack's environment. */
    platformStack: z.string({ message: "must be <organization>/<project>/<stack>" })
        .regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+$/, { message: "must be <organization>/<project>/<stack>" }),
    /** Read a platform stack of another environment on purpose (a dev stack reading prod's platform). */
    allowOtherEnvironment: z.boolean({ message: "must be true or false" }).optional(),
    team: dnsLabel,
    image: pinnedImage,
    /** Per add-on: true = required, false = not used, unset = used when the platform stack has it. */
    uses: z.strictObject({ mesh: z.boolean(), monitoring: z.boolean(), tracing: z.boolean() }).partial().optional(),
    /** The service's own sizing; unset: the platform's workload defaults. */
    replicas: replicas.optional(),
    resources: computeResourcesSchema.optional(),
    /** rolling (default), canary (needs the mesh) or blueGreen. */
    delivery: deliverySettingsSchema.optional(),
    /** Plain settings (a ConfigMap); a key set with --secret is kept secret (it goes into the Secret). */
    env: variables.optional(),
    /** Sensitive settings (a Secret): `pulumi config set --secret --path 'secretEnv.API_TOKEN' ...`. */
    secretEnv: variables.optional(),
});

type Values = z.output<typeof schema>;
type Variables = Record<string, pulumi.Input<string>>;

export interface TeamServiceConfig extends Omit<Values, "env" | "secretEnv"> {
    /** Each value secret when the key was set with --secret. */
    env?: Variables;
    /** Each value a secret Output. */
    secretEnv?: Variables;
}

/** A config object's values, each a secret Output read through the secret flag. */
function secretVariables(config: pulumi.Config, key: string, names: string[]): Variables {
    const object = config.requireSecretObject<Record<string, string>>(key);
    return Object.fromEntries(names.map((name) => [name, object.apply((o) => o[name])]));
}

export function loadTeamServiceConfig(): TeamServiceConfig {
    const { values, secretKeys } = readStackConfig(CONFIG_NAMESPACE, schema, { secretKeys: ["secretEnv"] });
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    const { env, secretEnv, ...rest } = values;
    return {
        ...rest,
        ...(env ? { env: secretKeys.has("env") ? secretVariables(config, "env", Object.keys(env)) : env } : {}),
        ...(secretEnv ? { secretEnv: secretVariables(config, "secretEnv", Object.keys(secretEnv)) } : {}),
    };
}
