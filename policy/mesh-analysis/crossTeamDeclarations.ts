// What the teams declare for calls between teams: per service of a team, the other teams' services
// it calls and the callers it accepts, as JSON in the annotation the config names
// (crossTeamAnnotation). Two ways record it, and each way writes its own policies:
//   - "config": the platform, from its stack config, on each team's Namespace (it writes both
//     halves of a call both teams declare there);
//   - "program": a team's program, on the NetworkPolicy of each service that declares (its
//     Microservice writes only its own team's half).
// A team is its namespace's name. Malformed or absent: nothing declared.
import { IndexedObject } from "../lib/clusterIndex";

export interface Declared {
    calls?: unknown;
    accepts?: unknown;
}

export type DeclarationWay = "config" | "program";

/** One object's record: the team (its namespace), the object to report on, and its services' declarations. */
export interface Declaration {
    way: DeclarationWay;
    team: string;
    object: IndexedObject;
    services: Record<string, Declared>;
}

function parse(object: IndexedObject, annotation: string): Record<string, Declared> {
    const text = object.resource.props.metadata?.annotations?.[annotation];
    if (typeof text !== "string") return {};
    try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    } catch {
        return {};
    }
}

/** What a team's Namespace declares (the platform's config). */
export function teamDeclarations(namespace: IndexedObject, annotation: string): Record<string, Declared> {
    return parse(namespace, annotation);
}

/** Every record of the stack, both ways, in stack order. */
export function declarations(ofKind: (kind: string) => readonly IndexedObject[], annotation: string): Declaration[] {
    const config = ofKind("Namespace").map((ns) => ({ way: "config" as const, team: ns.ref.name, object: ns, services: parse(ns, annotation) }));
    const program = ofKind("NetworkPolicy").map((policy) => ({ way: "program" as const, team: policy.ref.namespace, object: policy, services: parse(policy, annotation) }));
    return [...config, ...program].filter((d) => Object.keys(d.services).length > 0);
}
