// Calls between teams, with consent on both sides: a caller's service declares the other team's
// service it calls (`calls: ["data/orders"]`), the callee's service declares who may call it
// (`accepts: ["shop/frontend"]`, or a whole team: `accepts: ["shop"]`). Only a call both sides
// declare becomes policy; a declaration the other side does not match is reported, naming both.
import { z } from "zod";
import { isRecord } from "@reference-platform/consumer/shared/fields";
import { isDns1035Label, isDnsLabel } from "@reference-platform/grammar";

type Ctx = z.core.$RefinementCtx;

export interface ServiceRef {
    team: string;
    service: string;
}

export interface TeamCall {
    caller: ServiceRef;
    callee: ServiceRef;
}

export interface OneSidedCall extends TeamCall {
    /** Which side declared it: the other side's declaration is missing. */
    declaredBy: "caller" | "callee";
    message: string;
}

/** A team's cross-team declarations, per service of the team. */
export interface CrossTeamService {
    /** "<team>/<service>": services of other teams this service calls. */
    calls?: string[];
    /** "<team>/<service>" or "<team>": callers in other teams this service accepts. */
    accepts?: string[];
}

export interface CrossTeamTeam {
    name: string;
    services?: Record<string, CrossTeamService>;
}

const CALL_FORMAT = 'must be "<team>/<service>" (e.g. "data/orders")';
const ACCEPT_FORMAT = 'must be "<team>/<service>" (e.g. "shop/frontend") or a whole team, "<team>"';

/** "<team>/<service>", or undefined when it is not one. */
export function parseServiceRef(ref: string): ServiceRef | undefined {
    const parts = ref.split("/");
    if (parts.length !== 2 || !isDnsLabel(parts[0]) || !isDns1035Label(parts[1])) return undefined;
    return { team: parts[0], service: parts[1] };
}

/** A call's target: a service of another team, in the ref's format. */
export const callRef = z.string({ message: CALL_FORMAT }).refine((ref) => parseServiceRef(ref) !== undefined, { message: CALL_FORMAT });

/** An accepted caller: a service of another team, or every service of it. */
export const acceptRef = z.string({ message: ACCEPT_FORMAT })
    .refine((ref) => (ref.includes("/") ? parseServiceRef(ref) !== undefined : isDnsLabel(ref)), { message: ACCEPT_FORMAT });

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
                    if (typeof ref !== "string") return;
                    const other = ref.split("/")[0];
                    const path = [i, "services", service, field, j];
                    if (!(field === "calls" ? callRef : acceptRef).safeParse(ref).success) return;
                    if (other === team.name) {
                        ctx.addIssue({
                            code: "custom", path,
                            message: `is a service of this team's own namespace; calls within a namespace are the service's callers (Microservice callers), not a cross-team declaration`,
                        });
                    } else if (!names.includes(other)) {
                        ctx.addIssue({ code: "custom", path, message: `names no tenant team; accepted teams: ${names.filter((n) => n !== team.name).join(", ")}` });
                    }
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
