// The pack's findings by two routes, in one form: `pulumi preview --policy-pack`'s engine events
// and `npm run plan -- --render`'s JSON report. Two routes, one answer: any difference is a defect
// in one of them.
import * as fs from "fs";

export interface Finding {
    policy: string;
    level: string;
    /** The resource's type and name (the URN's last two parts), or "stack" for the stack itself. */
    resource: string;
    message: string;
}

const resourceOf = (urn: string | undefined): string => {
    if (!urn) return "stack";
    const parts = urn.split("::");
    return parts[2]?.endsWith("pulumi:pulumi:Stack") ? "stack" : `${parts[2]?.split("$").pop()}::${parts[3]}`;
};

/** Policy events of a streamed JSON preview (`--json` with PULUMI_ENABLE_STREAMING_JSON_PREVIEW): one engine event per line. */
export function findingsFromEngineEvents(output: string): Finding[] {
    return output.split("\n").filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l).policyEvent)
        .filter((e) => e !== undefined)
        .map((e) => ({ policy: e.policyName, level: e.enforcementLevel, resource: resourceOf(e.resourceUrn), message: String(e.message).trim() }));
}

/** Policy diagnostics of `npm run plan -- --json-file <file>`. */
export function findingsFromPlanReport(file: string): Finding[] {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    // A stack policy that names a resource reports it with that resource's URN, as the engine's event does.
    return (report.policyDiagnostics ?? []).map((d: any) => ({ policy: d.policy, level: d.level, resource: resourceOf(d.urn), message: String(d.message).trim() }));
}

/** The engine prefixes the policy's description to what the policy said; the plan reports what it said. */
const same = (engine: Finding, plan: Finding): boolean =>
    engine.policy === plan.policy && engine.level === plan.level && engine.resource === plan.resource && engine.message.endsWith(plan.message);

export interface FindingsComparison {
    matched: number;
    onlyInPreview: Finding[];
    onlyInPlan: Finding[];
}

export function compareFindings(preview: readonly Finding[], plan: readonly Finding[]): FindingsComparison {
    const unmatchedPlan = [...plan];
    const onlyInPreview: Finding[] = [];
    let matched = 0;
    for (const f of preview) {
        const i = unmatchedPlan.findIndex((p) => same(f, p));
        if (i >= 0) {
            unmatchedPlan.splice(i, 1);
            matched++;
        } else {
            onlyInPreview.push(f);
        }
    }
    return { matched, onlyInPreview, onlyInPlan: unmatchedPlan };
}

export const describeFinding = (f: Finding): string => `[${f.level}] ${f.policy} ${f.resource}: ${f.message.split("\n").pop()}`;
