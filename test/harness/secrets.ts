// Finds secret values that escaped their secret wrapper: in a resource's wire inputs or in a stack
// output (both in the SDK's wire form), looking inside resource references and non-secret output
// values too.
import { RunResult } from "../../scripts/mock-run";
import { plaintextStrings } from "../../scripts/mock-run/wire";

export interface SecretLeak {
    where: string;
    path: string;
}

function leaksIn(value: unknown, secrets: string[], root: string, where: string): SecretLeak[] {
    return plaintextStrings(value, root)
        .filter(({ text }) => secrets.some((s) => text.includes(s)))
        .map(({ path }) => ({ where, path }));
}

export function findSecretLeaks(run: RunResult): SecretLeak[] {
    const secrets = run.secretValues.filter((s) => s.length >= 8);
    return [
        ...run.resources.flatMap((r) => leaksIn(r.serializedInputs, secrets, "inputs", `${r.type} ${r.name}`)),
        ...leaksIn(run.outputs, secrets, "outputs", "stack outputs"),
    ];
}
