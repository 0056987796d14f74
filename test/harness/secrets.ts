// Finds secret values that escaped their secret wrapper: in a resource's wire inputs (where a
// secret stays wrapped in the runtime's signature object) or in a stack output.
import { ResolvedValue, RunResult } from "./types";
import { SECRET_SIGNATURE_KEY } from "./wire";


export interface SecretLeak {
    where: string;
    path: string;
}

function findPlaintext(value: unknown, secrets: string[], path: string, out: string[]): void {
    if (typeof value === "string") {
        if (secrets.some((s) => value.includes(s))) out.push(path);
        return;
    }
    if (Array.isArray(value)) {
        value.forEach((v, i) => findPlaintext(v, secrets, `${path}[${i}]`, out));
        return;
    }
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (SECRET_SIGNATURE_KEY in obj || (obj as { __secret?: boolean }).__secret === true) return;
        for (const [k, v] of Object.entries(obj)) findPlaintext(v, secrets, `${path}.${k}`, out);
    }
}

export function findSecretLeaks(run: RunResult): SecretLeak[] {
    const secrets = run.secretValues.filter((s) => s.length >= 8);
    const leaks: SecretLeak[] = [];
    for (const r of run.resources) {
        const paths: string[] = [];
        findPlaintext(r.serializedInputs, secrets, "inputs", paths);
        leaks.push(...paths.map((path) => ({ where: `${r.type} ${r.name}`, path })));
    }
    const outputPaths: string[] = [];
    findPlaintext(run.outputs as ResolvedValue, secrets, "outputs", outputPaths);
    leaks.push(...outputPaths.map((path) => ({ where: "stack outputs", path })));
    return leaks;
}
