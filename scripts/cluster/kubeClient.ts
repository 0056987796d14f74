// A small client for the local API server: TLS with the admin client certificate, discovery, and
// server-side apply. Only what the cluster commands and the suite need; each call returns the
// server's answer as it is, so a rejection reaches the report with the server's own words.
import * as fs from "fs";
import * as https from "https";
import { API_PORT } from "./layout";
import { Pki } from "./pki";

export interface KubeObject {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string; resourceVersion?: string; [k: string]: any };
    [k: string]: any;
}

export interface Answer<T = any> {
    status: number;
    body: T;
    /** The texts of the answer's `Warning` headers (`299 - "<text>"`), e.g. an admission policy's Warn. */
    warnings?: string[];
}

/** The text of each `Warning: 299 - "<text>"` header, its quoted-string escapes (`\"`) undone. */
export function warningsOf(header: string | string[] | undefined): string[] {
    return (Array.isArray(header) ? header : header ? [header] : [])
        .map((h) => h.replace(/^\d{3} \S+ "(.*)"$/s, "$1").replace(/\\(.)/g, "$1"));
}

export interface ResourceType {
    plural: string;
    namespaced: boolean;
}

export const FIELD_MANAGER = "platform";

export class KubeClient {
    private readonly agent: https.Agent;
    private discovery?: Map<string, ResourceType>;

    constructor(pki: Pki, private readonly host = "127.0.0.1", private readonly port = API_PORT) {
        this.agent = new https.Agent({
            ca: fs.readFileSync(pki.ca), cert: fs.readFileSync(pki.adminCert), key: fs.readFileSync(pki.adminKey),
            keepAlive: true, maxSockets: 8,
        });
    }

    request<T = any>(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<Answer<T>> {
        const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
        return new Promise((resolve, reject) => {
            const req = https.request({
                host: this.host, port: this.port, path, method, agent: this.agent,
                headers: { accept: "application/json", ...(payload ? { "content-type": contentType, "content-length": Buffer.byteLength(payload) } : {}) },
            }, (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c) => chunks.push(c));
                res.on("end", () => {
                    const text = Buffer.concat(chunks).toString("utf8");
                    let parsed: any = text;
                    try { parsed = JSON.parse(text); } catch { /* plain text (e.g. /readyz) */ }
                    resolve({ status: res.statusCode ?? 0, body: parsed, warnings: warningsOf(res.headers.warning) });
                });
            });
            req.on("error", reject);
            req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
            if (payload) req.write(payload);
            req.end();
        });
    }

    /** Forgets discovery, e.g. once new CRDs are established. */
    invalidate(): void {
        this.discovery = undefined;
    }

    private async discover(): Promise<Map<string, ResourceType>> {
        const types = new Map<string, ResourceType>();
        const groupVersions = ["v1"];
        const apis = await this.request("GET", "/apis");
        for (const g of apis.body.groups ?? []) groupVersions.push(...g.versions.map((v: any) => v.groupVersion));
        await Promise.all(groupVersions.map(async (gv) => {
            const list = await this.request("GET", gv === "v1" ? "/api/v1" : `/apis/${gv}`);
            for (const r of list.body.resources ?? []) {
                if (r.name.includes("/")) continue;
                types.set(`${gv}/${r.kind}`, { plural: r.name, namespaced: r.namespaced });
            }
        }));
        return types;
    }

    async resourceType(apiVersion: string, kind: string): Promise<ResourceType | undefined> {
        this.discovery ??= await this.discover();
        return this.discovery.get(`${apiVersion}/${kind}`);
    }

    /** The object's URL, or of its collection when no name is given. */
    async path(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
        const type = await this.resourceType(apiVersion, kind);
        if (!type) throw new Error(`the server has no ${kind} in ${apiVersion}`);
        const prefix = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
        return `${prefix}${ns}/${type.plural}${name ? `/${encodeURIComponent(name)}` : ""}`;
    }

    /** Server-side apply, forcing ownership of conflicting fields, as `pulumi up` does. */
    async apply(obj: KubeObject, fieldManager = FIELD_MANAGER): Promise<Answer<KubeObject>> {
        const url = await this.path(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
        return this.request("PATCH", `${url}?fieldManager=${fieldManager}&force=true`, obj, "application/apply-patch+yaml");
    }

    async get(apiVersion: string, kind: string, namespace: string | undefined, name: string): Promise<Answer<KubeObject>> {
        return this.request("GET", await this.path(apiVersion, kind, namespace, name));
    }

    /** Every object of a kind, in all namespaces. */
    async list(apiVersion: string, kind: string): Promise<KubeObject[]> {
        const answer = await this.request("GET", await this.path(apiVersion, kind));
        if (answer.status !== 200) throw new Error(`list ${kind}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return answer.body.items ?? [];
    }
}
