// Server-side apply of a stack's objects, as `pulumi up` sends them: one field manager, conflicts
// forced, unknown fields refused (`fieldValidation=Strict`, so a field the server's schema lacks is
// an error rather than silently dropped). A rejected object is retried in later rounds, as the
// engine retries what waits on something not yet there; what is still rejected at the end is
// reported with the server's message.
import { createHash } from "crypto";
import { KubernetesObject } from "../../plan/objects";
import { FIELD_MANAGER, KubeClient, KubeObject } from "../kubeClient";
import { inParallel } from "../../inParallel";

export interface Applied {
    object: KubernetesObject;
    /** What was sent. */
    sent: KubeObject;
    ok: boolean;
    status: number;
    message?: string;
    resourceVersion?: string;
    /** The object as the server holds it after this apply (see `content`). */
    content?: string;
}

/**
 * What an object holds, without what only bookkeeping or controllers write: managedFields,
 * resourceVersion and status. Two snapshots that differ mean an apply changed a value.
 */
export function content(obj: KubeObject | undefined): string | undefined {
    if (!obj?.metadata) return undefined;
    const { managedFields: _m, resourceVersion: _r, ...metadata } = obj.metadata;
    const { status: _s, ...rest } = obj;
    return JSON.stringify({ ...rest, metadata });
}

/** An auto-named object gets `<resource name>-<8 hex>`, as the provider names it, stable per URN. */
export function deployedName(o: KubernetesObject): string {
    return o.autoNamed ? `${o.name}-${createHash("sha256").update(o.urn).digest("hex").slice(0, 8)}` : o.name;
}

export function toSend(o: KubernetesObject): KubeObject {
    const manifest = structuredClone(o.manifest) as KubeObject;
    manifest.apiVersion = o.apiVersion;
    manifest.kind = o.kind;
    manifest.metadata = { ...(manifest.metadata ?? {}), name: deployedName(o) };
    return manifest;
}

async function applyOne(client: KubeClient, object: KubernetesObject): Promise<Applied> {
    const sent = toSend(object);
    try {
        const url = await client.path(sent.apiVersion, sent.kind, sent.metadata.namespace, sent.metadata.name);
        const answer = await client.request<any>("PATCH", `${url}?fieldManager=${FIELD_MANAGER}&force=true&fieldValidation=Strict`,
            sent, "application/apply-patch+yaml");
        const ok = answer.status >= 200 && answer.status < 300;
        return {
            object, sent, ok, status: answer.status,
            message: ok ? undefined : String(answer.body?.message ?? answer.body).slice(0, 600),
            resourceVersion: ok ? answer.body?.metadata?.resourceVersion : undefined,
            content: ok ? content(answer.body) : undefined,
        };
    } catch (e) {
        return { object, sent, ok: false, status: 0, message: (e as Error).message };
    }
}

/**
 * Applies objects in the given order, `parallel` at a time within one kind, then retries the
 * rejected ones up to `rounds` more times, `pauseMs` apart.
 */
export async function applyAll(client: KubeClient, objects: readonly KubernetesObject[], rounds = 4, pauseMs = 3000, parallel = 8): Promise<Applied[]> {
    const results = new Map<KubernetesObject, Applied>();
    const byKind: KubernetesObject[][] = [];
    for (const o of objects) {
        if (byKind.length === 0 || byKind[byKind.length - 1][0].kind !== o.kind) byKind.push([]);
        byKind[byKind.length - 1].push(o);
    }
    for (const group of byKind) {
        for (const r of await inParallel(group, parallel, (o) => applyOne(client, o))) results.set(r.object, r);
    }
    for (let round = 0; round < rounds; round++) {
        const rejected = objects.filter((o) => !results.get(o)!.ok);
        if (rejected.length === 0) break;
        await new Promise((r) => setTimeout(r, pauseMs));
        client.invalidate();
        for (const o of rejected) results.set(o, await applyOne(client, o));
    }
    return objects.map((o) => results.get(o)!);
}

export const describe = (a: Pick<Applied, "sent">) =>
    `${a.sent.kind} ${a.sent.metadata.namespace ? `${a.sent.metadata.namespace}/` : ""}${a.sent.metadata.name}`;
