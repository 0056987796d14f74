// Where a service's variables go: plain values in its ConfigMap, secretEnv in its Secret. A value
// of `env` that is a secret Output (a config secret, a generated password) would land in the
// ConfigMap in plaintext on the cluster while Pulumi's state shows it as secret: it goes into the
// Secret instead. Whether an Output is secret is known only once it resolves, so the keys of Output
// values may land in either object; both exist when there are any.
import * as pulumi from "@pulumi/pulumi";

type Variables = Record<string, pulumi.Input<string>>;

export interface SplitEnvironment {
    /** Keys that may be in the ConfigMap, and its data. */
    plainKeys: string[];
    plain: pulumi.Input<Variables>;
    /** Keys that may be in the Secret, and its data. */
    secretKeys: string[];
    secret: pulumi.Input<Variables>;
}

/** `env` and the platform's own variables (never secret) in the ConfigMap; `secretEnv` and every secret Output of `env` in the Secret. */
export function splitEnvironment(env: Variables, platformEnv: Variables, secretEnv: Variables): SplitEnvironment {
    const outputs = Object.entries(env).filter(([, value]) => pulumi.Output.isInstance(value)) as [string, pulumi.Output<string>][];
    const known = { ...Object.fromEntries(Object.entries(env).filter(([, value]) => !pulumi.Output.isInstance(value))), ...platformEnv };
    if (outputs.length === 0) return { plainKeys: Object.keys(known), plain: known, secretKeys: Object.keys(secretEnv), secret: secretEnv };

    const secrecy = Promise.all(outputs.map(async ([key, value]) => ({ key, value, secret: await pulumi.isSecret(value) })));
    const pick = (secret: boolean) => secrecy.then((all) => Object.fromEntries(all.filter((v) => v.secret === secret).map((v) => [v.key, v.value])));
    const keys = outputs.map(([key]) => key);
    return {
        plainKeys: [...Object.keys(known), ...keys],
        plain: pulumi.output(pick(false)).apply((moved) => ({ ...moved, ...known })),
        secretKeys: [...Object.keys(secretEnv), ...keys],
        secret: pulumi.output(pick(true)).apply((moved) => ({ ...secretEnv, ...moved })),
    };
}
