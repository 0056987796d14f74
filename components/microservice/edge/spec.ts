// A public service's edge controls, checked with the rest of the Microservice's arguments.
import { EdgeArgs } from "../args";

/** What the gateway enforces for the service; `undefined` paths mean every path of the hosts. */
export interface ResolvedEdge {
    paths?: string[];
    requireJwt: boolean;
    claims: Record<string, string[]>;
}

const PATH_PREFIX = /^\/[A-Za-z0-9._~\-/]*[A-Za-z0-9._~-]$/;
const CLAIM = /^[A-Za-z0-9_:/.-]+$/;

export function resolveEdge(edge: EdgeArgs | undefined, isPublic: boolean, problems: string[]): ResolvedEdge | undefined {
    if (!edge) return undefined;
    if (!isPublic) {
        problems.push("edge: the service is not public (public: true), so the ingress gateway never routes to it");
        return undefined;
    }
    for (const p of edge.paths ?? []) {
        if (!PATH_PREFIX.test(p)) problems.push(`edge.paths: "${p}" must be a path prefix such as /api/orders (leading '/', no trailing '/', no wildcards)`);
    }
    if (edge.paths !== undefined && edge.paths.length === 0) problems.push("edge.paths: list at least one path prefix, or leave it unset for every path");
    const claims = edge.claims ?? {};
    for (const [claim, values] of Object.entries(claims)) {
        if (!CLAIM.test(claim)) problems.push(`edge.claims: "${claim}" is not a claim name`);
        if (!Array.isArray(values) || values.length === 0) problems.push(`edge.claims.${claim}: list at least one accepted value`);
    }
    const requireJwt = edge.requireJwt ?? Object.keys(claims).length > 0;
    if (!requireJwt && Object.keys(claims).length > 0) problems.push("edge.claims: claims are read from a token, so requireJwt cannot be false");
    return { paths: edge.paths ? [...edge.paths] : undefined, requireJwt, claims };
}
