// What a team's Namespace declares for calls between teams: per service of the team, the other
// teams' services it calls and the callers it accepts, as the platform records them (JSON in the
// annotation the config names, crossTeamAnnotation). Malformed or absent: nothing declared.
import { IndexedObject } from "../lib/clusterIndex";

export interface Declared {
    calls?: unknown;
    accepts?: unknown;
}

export function teamDeclarations(namespace: IndexedObject, annotation: string): Record<string, Declared> {
    const text = namespace.resource.props.metadata?.annotations?.[annotation];
    if (typeof text !== "string") return {};
    try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    } catch {
        return {};
    }
}
