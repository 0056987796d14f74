// What the engine registers for a rendered chart, as the v4 Chart does it: every object of the
// manifest (hooks dropped, Lists expanded, empty documents skipped) becomes a resource named
// `<chart resource name>:<namespace>/<name>` (`<chart resource name>:<name>` when cluster-scoped),
// parented to the Chart, with the Chart's namespace given to namespaced objects that have none.
import * as pulumi from "@pulumi/pulumi";
import { parseAllDocuments } from "yaml";
import { RecordedResource } from "../mock-run";
import { groupOf, scopeOf } from "./scopes";

export const HOOK_ANNOTATION = "helm.sh/hook";
const KEEP_ANNOTATION = "helm.sh/resource-policy";

export type Manifest = Record<string, any>;

/** The objects of a multi-document YAML stream, with Lists expanded and hooks dropped. */
export function manifestObjects(yamlText: string): { objects: Manifest[]; hooks: Manifest[] } {
    const objects: Manifest[] = [];
    const hooks: Manifest[] = [];
    const visit = (doc: unknown) => {
        if (!doc || typeof doc !== "object" || Object.keys(doc).length === 0) return;
        const obj = doc as Manifest;
        if (typeof obj.kind === "string" && obj.kind.endsWith("List") && Array.isArray(obj.items)) {
            obj.items.forEach(visit);
            return;
        }
        (obj.metadata?.annotations?.[HOOK_ANNOTATION] !== undefined ? hooks : objects).push(obj);
    };
    // YAML 1.1, as the provider's Go parser reads Helm's output: `defaultMode: 0755` is octal 493
    // there, and decimal 755 (which the API server refuses) under YAML 1.2.
    for (const doc of parseAllDocuments(yamlText, { version: "1.1" })) {
        if (doc.errors.length > 0) throw new Error(`rendered YAML does not parse: ${doc.errors[0].message}`);
        visit(doc.toJS({ maxAliasCount: -1 }));
    }
    return { objects, hooks };
}

/** "<group>/<Kind>" -> spec.scope, for every CustomResourceDefinition among the objects. */
export function crdScopes(objects: Iterable<Manifest>): Map<string, string> {
    const scopes = new Map<string, string>();
    for (const o of objects) {
        if (o.kind === "CustomResourceDefinition" && o.spec?.group && o.spec?.names?.kind) {
            scopes.set(`${o.spec.group}/${o.spec.names.kind}`, o.spec.scope);
        }
    }
    return scopes;
}

export function pulumiType(apiVersion: string, kind: string): string {
    const group = groupOf(apiVersion) || "core";
    const version = apiVersion.slice(apiVersion.indexOf("/") + 1);
    return `kubernetes:${group}/${version}:${kind}`;
}

/** A child's URN: the parent's qualified type chain extended with the child's type. */
export function childUrn(parentUrn: string, type: string, name: string): string {
    const parts = parentUrn.split("::");
    if (parts.length < 4) throw new Error(`not a URN: ${parentUrn}`);
    return `${parts[0]}::${parts[1]}::${parts[2]}$${type}::${name}`;
}

/** A secret as it travels over the wire, like the v4 Chart marks a Secret's data and stringData. */
const wrapSecret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });

export interface ChildOptions {
    chart: RecordedResource;
    /** The Chart's namespace (its `namespace` input). */
    namespace?: string;
    /** The name prefix: the Chart's `resourcePrefix`, else its resource name. */
    prefix: string;
    /** CRD scopes of everything the cluster will have (all charts and the program). */
    scopes: ReadonlyMap<string, string>;
}

export function chartChildren(objects: readonly Manifest[], options: ChildOptions): RecordedResource[] {
    const records: RecordedResource[] = [];
    const crdUrns = new Map<string, string>();
    const namespaceUrns = new Map<string, string>();
    for (const original of objects) {
        const obj = structuredClone(original);
        if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
            throw new Error(`chart ${options.chart.name} renders an object without apiVersion and kind`);
        }
        if (!obj.metadata?.name) throw new Error(`chart ${options.chart.name} renders a ${obj.kind} without metadata.name`);
        if (!obj.metadata.namespace && options.namespace && scopeOf(obj.apiVersion, obj.kind, options.scopes) === "Namespaced") {
            obj.metadata.namespace = options.namespace;
        }
        const type = pulumiType(obj.apiVersion, obj.kind);
        const name = `${options.prefix}:${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ""}${obj.metadata.name}`;
        const urn = childUrn(options.chart.urn, type, name);
        const serialized = structuredClone(obj);
        if (obj.apiVersion === "v1" && obj.kind === "Secret") {
            for (const key of ["data", "stringData"]) if (key in serialized) serialized[key] = wrapSecret(serialized[key]);
        }
        if (obj.kind === "CustomResourceDefinition") crdUrns.set(`${obj.spec?.group}/${obj.spec?.names?.kind}`, urn);
        if (obj.apiVersion === "v1" && obj.kind === "Namespace") namespaceUrns.set(obj.metadata.name, urn);
        records.push({
            type, name, urn,
            parent: options.chart.urn,
            custom: true,
            dependencies: [],
            protect: false,
            retainOnDelete: obj.metadata.annotations?.[KEEP_ANNOTATION] === "keep",
            provider: options.chart.provider,
            aliases: 0,
            inputs: obj,
            serializedInputs: serialized,
        });
    }
    // The v4 Chart orders objects by their dependencies and makes each depend on what it needs
    // from the same chart: its CRD, its Namespace.
    for (const r of records) {
        const deps = [crdUrns.get(`${groupOf(r.inputs.apiVersion)}/${r.inputs.kind}`), namespaceUrns.get(r.inputs.metadata.namespace)];
        r.dependencies = deps.filter((d): d is string => d !== undefined && d !== r.urn);
    }
    return records;
}
