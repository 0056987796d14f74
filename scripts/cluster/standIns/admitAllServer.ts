// An HTTPS admission endpoint that admits every review unchanged: what stands in for a webhook
// backend that only a real pod would run (istiod). Shared by `cluster:verify` and `npm run e2e`;
// in e2e the same listener also answers an aggregated API's GETs (./liveAggregatedApis).
import * as fs from "fs";
import * as https from "https";
import { Pki, serving } from "../pki";

/** Longer than the idle timeout of the API server's HTTP client (Go's transport: 90 s). */
const KEEP_ALIVE_MS = 120_000;

/** What a stand-in answers to a GET (an aggregated API's discovery and lists), or undefined for 404. */
export type GetAnswer = (path: string) => { status: number; body: unknown } | undefined;

/**
 * Listens on `port` on every local address, with a certificate for the given Services' DNS names.
 * POSTs are admission reviews; a GET goes to `answerGet` (the aggregated APIs served on this port).
 */
export async function admitAllServer(
    pki: Pki, port: number, services: readonly string[], onCall: (path: string, method: string) => void, answerGet?: GetAnswer,
): Promise<https.Server> {
    const dns = services.flatMap((s) => { const [ns, name] = s.split("/"); return [`${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`]; });
    const cert = serving(pki, `webhook-stand-in-${port}`, dns);
    const server = https.createServer({ cert: fs.readFileSync(cert.cert), key: fs.readFileSync(cert.key) }, (req, res) => {
        if (req.method === "GET") {
            const path = new URL(req.url ?? "/", "https://stand-in").pathname;
            onCall(path, "GET");
            const answer = answerGet?.(path) ?? { status: 404, body: { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404 } };
            res.writeHead(answer.status, { "content-type": "application/json" });
            res.end(JSON.stringify(answer.body));
            return;
        }
        const chunks: Buffer[] = [];
        req.on("data", (c) => chunks.push(c));
        req.on("end", () => {
            let review: any = {};
            try { review = JSON.parse(Buffer.concat(chunks).toString("utf8")); } catch { /* answered below */ }
            onCall(new URL(req.url ?? "/", "https://stand-in").pathname, req.method ?? "POST");
            res.setHeader("content-type", "application/json");
            res.end(JSON.stringify({
                apiVersion: review.apiVersion ?? "admission.k8s.io/v1", kind: "AdmissionReview",
                response: { uid: review.request?.uid ?? "", allowed: true },
            }));
        });
    });
    // The API server's client keeps idle connections for 90 s; Node closes its side after 5 s by
    // default, and a review written onto a connection that is closing fails ("broken pipe") where a
    // real (Go) backend would have kept it open. Outlive the client's idle timeout instead.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 5_000;
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "0.0.0.0", resolve));
    return server;
}

/** The caBundle a stood-in webhook configuration must carry: the cluster CA that signed the stand-in. */
export function standInCaBundle(pki: Pki): string {
    return fs.readFileSync(pki.ca).toString("base64");
}
