// A public service's edge controls, completed. Their fields were checked with the rest of the
// Microservice's settings (edgeSchema in ../settings); what is left is whether the service is public.
import { EdgeArgs } from "../settings";

/** What the gateway enforces for the service; `undefined` paths mean every path of the hosts. */
export interface ResolvedEdge {
    paths?: string[];
    requireJwt: boolean;
    claims: Record<string, string[]>;
}

export function resolveEdge(edge: EdgeArgs | undefined, isPublic: boolean, problems: string[]): ResolvedEdge | undefined {
    if (!edge) return undefined;
    if (!isPublic) {
        problems.push("edge: the service is not public (public: true), so the ingress gateway never routes to it");
        return undefined;
    }
    const claims = edge.claims ?? {};
    return { paths: edge.paths ? [...edge.paths] : undefined, requireJwt: edge.requireJwt ?? Object.keys(claims).length > 0, claims };
}
