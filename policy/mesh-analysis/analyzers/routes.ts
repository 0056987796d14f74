// The destinations a VirtualService sends traffic to: http, tcp and tls routes, plus http mirrors.
export interface RouteDestination {
    /** Where in the spec, e.g. `http[0].route[1]`, for messages. */
    path: string;
    host: string;
    subset?: string;
    port?: number;
}

function destination(path: string, d: any): RouteDestination | undefined {
    if (typeof d?.host !== "string") return undefined;
    const port = d.port?.number;
    return { path, host: d.host, subset: typeof d.subset === "string" && d.subset !== "" ? d.subset : undefined, port: typeof port === "number" ? port : undefined };
}

export function routeDestinations(spec: Record<string, any>): RouteDestination[] {
    const found: RouteDestination[] = [];
    for (const protocol of ["http", "tcp", "tls"]) {
        (spec?.[protocol] ?? []).forEach((rule: any, i: number) => {
            (rule?.route ?? []).forEach((route: any, j: number) => {
                const d = destination(`${protocol}[${i}].route[${j}]`, route?.destination);
                if (d) found.push(d);
            });
            if (protocol !== "http") return;
            const mirror = destination(`http[${i}].mirror`, rule?.mirror);
            if (mirror) found.push(mirror);
            (rule?.mirrors ?? []).forEach((m: any, j: number) => {
                const d = destination(`http[${i}].mirrors[${j}]`, m?.destination);
                if (d) found.push(d);
            });
        });
    }
    return found;
}

/** The gateways a VirtualService binds, `mesh` when it names none. */
export function boundGateways(spec: Record<string, any>): string[] {
    const gateways = spec?.gateways;
    return Array.isArray(gateways) && gateways.length > 0 ? gateways.filter((g): g is string => typeof g === "string") : ["mesh"];
}
