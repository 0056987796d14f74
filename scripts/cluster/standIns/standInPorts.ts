// The local listeners the live stand-ins answer on: one HTTPS server per port, shared by them.
// Every pod address routes to this network namespace's loopback, so two Services whose pods use the
// same port (ESO's webhook and metrics-server both listen on 10250) meet at one listener. It admits
// admission reviews (POST) and answers the aggregated APIs registered with `answerGets` (GET).
import * as https from "https";
import { Pki } from "../pki";
import { admitAllServer, GetAnswer } from "./admitAllServer";

export class StandInPorts {
    private readonly servers = new Map<number, { server: https.Server; services: string[] }>();
    private readonly getAnswers: GetAnswer[] = [];
    /** Calls answered, by method, port and path ("POST 10250/validate-..."). */
    readonly calls = new Map<string, number>();

    constructor(private readonly pki: Pki) {}

    /** Adds what GETs are answered with; the first answer that knows a path wins. */
    answerGets(answer: GetAnswer): void {
        this.getAnswers.push(answer);
    }

    /** Listens on `port` with a certificate naming `service` (namespace/name) too; restarts the listener to add a name. */
    async serve(port: number, service: string): Promise<void> {
        const current = this.servers.get(port);
        if (current?.services.includes(service)) return;
        const services = [...(current?.services ?? []), service];
        if (current) await new Promise((r) => current.server.close(r));
        const server = await admitAllServer(this.pki, port, services, (path, method) => {
            const key = `${method} ${port}${path}`;
            this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
        }, (path) => this.getAnswers.map((answer) => answer(path)).find((a) => a !== undefined));
        this.servers.set(port, { server, services });
    }

    /** Calls of `method` answered on `port`: POSTs are admission reviews, GETs an aggregated API's. */
    callsTo(port: number, method: "GET" | "POST"): number {
        let n = 0;
        for (const [key, count] of this.calls) if (key.startsWith(`${method} ${port}/`)) n += count;
        return n;
    }

    async close(): Promise<void> {
        await Promise.all([...this.servers.values()].map((s) => new Promise((r) => s.server.close(r))));
    }
}
