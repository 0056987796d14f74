// Calls between teams, with consent on both sides: what a declaration may say, in one place for
// the platform's stack config (platform:tenancy.teams[].services.<service>.calls/accepts) and for a
// team's program (the Microservice's `calls` and `accepts`). A caller's service declares the other
// team's service it calls ("<team>/<service>"); the callee's service declares who may call it
// ("<team>/<service>", or a whole team: "<team>"). Each side's objects are ../microservice/crossTeamPolicies.
import { z } from "zod";
import { isDns1035Label, isDnsLabel } from "@reference-platform/grammar";

/**
 * Where a team's own declarations are recorded for the policy pack (JSON: service -> { calls,
 * accepts }): on the team's Namespace by the platform, on the service's NetworkPolicy by a team's program.
 */
export const CROSS_TEAM_ANNOTATION = "platform.example.com/cross-team-calls";

export interface ServiceRef {
    team: string;
    service: string;
}

export interface TeamCall {
    caller: ServiceRef;
    callee: ServiceRef;
}

/** A service's cross-team declarations. */
export interface CrossTeamService {
    /** "<team>/<service>": services of other teams this service calls. */
    calls?: string[];
    /** "<team>/<service>" or "<team>": callers in other teams this service accepts. */
    accepts?: string[];
}

export type CrossTeamField = keyof CrossTeamService;

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

/**
 * What is wrong with one well-formed declaration of team `team`, given the platform's tenant
 * teams: it names the team's own namespace, or a team that does not exist. Undefined when it is
 * fine, or malformed (the format's own rule reports that).
 */
export function crossTeamReferenceProblem(field: CrossTeamField, ref: unknown, team: unknown, teams: readonly string[]): string | undefined {
    if (typeof ref !== "string" || !(field === "calls" ? callRef : acceptRef).safeParse(ref).success) return undefined;
    const other = ref.split("/")[0];
    if (other === team) {
        return "is a service of this team's own namespace; calls within a namespace are the service's callers (Microservice callers), not a cross-team declaration";
    }
    if (!teams.includes(other)) return `names no tenant team; accepted teams: ${teams.filter((n) => n !== team).join(", ")}`;
    return undefined;
}
