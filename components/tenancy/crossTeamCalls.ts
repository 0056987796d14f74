// Calls between teams, with consent on both sides: a caller's service declares the other team's
// service it calls (`calls: ["data/orders"]`), the callee's service declares who may call it
// (`accepts: ["shop/frontend"]`, or a whole team: `accepts: ["shop"]`). Only a call both sides
// declare becomes policy; a declaration the other side does not match is reported, naming both.
import { z } from "zod";
import { isRecord } from "@reference-platform/consumer/shared/fields";
import {
    crossTeamReferenceProblem, CrossTeamService, parseServiceRef, ServiceRef, TeamCall,
} from "@reference-platform/consumer/shared/crossTeamCalls";

// The rules of a declaration are the consumer package's, which a team's program applies too.
export { acceptRef, callRef, CrossTeamService, parseServiceRef, ServiceRef, TeamCall } from "@reference-platform/consumer/shared/crossTeamCalls";

type Ctx = z.core.$RefinementCtx;

export interface OneSidedCall extends TeamCall {
    /** Which side declared it: the other side's declaration is missing. */
    declaredBy: "caller" | "callee";
    message: string;
}

export interface CrossTeamTeam {
    name: string;
    services?: Record<string, CrossTeamService>;
}

/** Across the teams: every team a declaration names exists and is another team. */
export function crossTeamReferences(teams: unknown, ctx: Ctx): void {
    if (!Array.isArray(teams)) return;
    const names = teams.map((team) => (isRecord(team) ? team.name : undefined)).filter((n): n is string => typeof n === "string");
    teams.forEach((team, i) => {
        if (!isRecord(team) || !isRecord(team.services)) return;
        for (const [service, declared] of Object.entries(team.services)) {
            if (!isRecord(declared)) continue;
            for (const field of ["calls", "accepts"] as const) {
                const refs = declared[field];
                if (!Array.isArray(refs)) continue;
                refs.forEach((ref, j) => {
                    const problem = crossTeamReferenceProblem(field, ref, team.name, names);
                    if (problem) ctx.addIssue({ code: "custom", path: [i, "services", service, field, j], message: problem });
                });
            }
        }
    });
}

const key = (ref: ServiceRef) => `${ref.team}/${ref.service}`;

/** The calls both sides declare, and every declaration the other side does not match. */
export function agreeCalls(teams: readonly CrossTeamTeam[]): { agreed: TeamCall[]; oneSided: OneSidedCall[] } {
    const declaredCalls: TeamCall[] = [];
    const accepts = new Map<string, string[]>();
    for (const team of teams) {
        for (const [service, declared] of Object.entries(team.services ?? {})) {
            for (const ref of declared.calls ?? []) {
                const callee = parseServiceRef(ref);
                if (callee) declaredCalls.push({ caller: { team: team.name, service }, callee });
            }
            accepts.set(`${team.name}/${service}`, declared.accepts ?? []);
        }
    }
    const accepted = (call: TeamCall) => (accepts.get(key(call.callee)) ?? []).some((a) => a === key(call.caller) || a === call.caller.team);
    const agreed = declaredCalls.filter(accepted);
    const oneSided: OneSidedCall[] = declaredCalls.filter((call) => !accepted(call)).map((call) => ({
        ...call, declaredBy: "caller",
        message: `${key(call.caller)} calls ${key(call.callee)}, but ${key(call.callee)} does not accept it ` +
            `(platform:tenancy.teams[name=${call.callee.team}].services.${call.callee.service}.accepts); no policy is written for this call`,
    }));
    for (const [calleeKey, refs] of accepts) {
        const callee = parseServiceRef(calleeKey)!;
        for (const ref of refs) {
            const matching = agreed.filter((call) => key(call.callee) === calleeKey && (key(call.caller) === ref || call.caller.team === ref));
            if (matching.length > 0) continue;
            const caller = parseServiceRef(ref) ?? { team: ref, service: "*" };
            oneSided.push({
                caller, callee, declaredBy: "callee",
                message: `${calleeKey} accepts ${ref}, but ${ref.includes("/") ? `${ref} declares no call` : `no service of team ${ref} declares a call`} to it ` +
                    `(platform:tenancy.teams[name=${caller.team}].services.${ref.includes("/") ? caller.service : "<service>"}.calls); no policy is written for this call`,
            });
        }
    }
    return { agreed, oneSided };
}
