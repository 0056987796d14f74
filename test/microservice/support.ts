// Helpers for the Microservice delivery, mesh and observability suites: find one shop service's
// objects in a program run, whichever sub-component (MeshPolicy, Observability) holds them.
import { strict as assert } from "assert";
import { ofType, one, RecordedResource, RunResult } from "../harness";
import { TYPES } from "../harness/types";

export { TYPES };

export const SHOP_NAMESPACE = "shop";
export const MICROSERVICE = "platform:workloads:Microservice";

export { runOk as ok } from "../harness";

/** Every resource below the shop service's Microservice component, at any depth. */
export function objectsOf(run: RunResult, service: string): RecordedResource[] {
    const root = one(run, MICROSERVICE, `shop-${service}`);
    const below = new Set([root.urn]);
    const found: RecordedResource[] = [];
    let grew = true;
    while (grew) {
        grew = false;
        for (const r of run.resources) {
            if (r.parent && below.has(r.parent) && !below.has(r.urn)) {
                below.add(r.urn);
                found.push(r);
                grew = true;
            }
        }
    }
    return found;
}

export function kindOf(run: RunResult, service: string, type: string): RecordedResource[] {
    return objectsOf(run, service).filter((r) => r.type === type);
}

export function onlyKind(run: RunResult, service: string, type: string): RecordedResource {
    const found = kindOf(run, service, type);
    assert.equal(found.length, 1, `${service}: one ${type}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    return found[0];
}

/** The service's own AuthorizationPolicy, in its namespace (not the edge policy on the gateway). */
export function workloadPolicy(run: RunResult, service: string): RecordedResource {
    const found = kindOf(run, service, TYPES.authorizationPolicy).filter((p) => p.inputs.metadata.namespace === SHOP_NAMESPACE);
    assert.equal(found.length, 1, `${service}: one AuthorizationPolicy in ${SHOP_NAMESPACE}, found ${found.length}`);
    return found[0];
}

/** The mesh-internal VirtualService (not the one bound to the ingress gateway). */
export function meshVirtualService(run: RunResult, service: string): RecordedResource {
    return kindOf(run, service, TYPES.virtualService).find((v) => !v.inputs.spec.gateways)!;
}

export function chartUrn(run: RunResult, chartName: string): string {
    return one(run, TYPES.chart, chartName).urn;
}

/** Weight per subset of the route without a header match (the one carrying real traffic). */
export function splitWeights(vs: RecordedResource): Record<string, number> {
    const split = vs.inputs.spec.http.find((r: any) => !r.match);
    return Object.fromEntries(split.route.map((d: any) => [d.destination.subset, d.weight]));
}

/** The subset a request carrying `header: value` is sent to. */
export function headerTarget(vs: RecordedResource, header: string, value: string): string | undefined {
    const route = vs.inputs.spec.http.find((r: any) => r.match?.some((m: any) => m.headers?.[header]?.exact === value));
    if (!route) return undefined;
    assert.equal(route.route.length, 1);
    return route.route[0].destination.subset;
}

export { ofType };
