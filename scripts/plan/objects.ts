// The program's own Kubernetes objects: every registered resource of type
// kubernetes:<group>/<version>:<Kind>. Helm charts (rendered by Helm at deploy time, invisible
// offline), YAML groups, patches, providers and components are not objects of their own.
import { RecordedResource } from "../mock-run";
import { isWrappedSecret, unknownValue, unwrapSecrets } from "../mock-run/wire";

export interface KubernetesObject {
    /** The Pulumi resource that declares it. */
    urn: string;
    resourceName: string;
    apiVersion: string;
    kind: string;
    namespace?: string;
    /** metadata.name; for an auto-named object, the resource name its generated name starts with. */
    name: string;
    /** No metadata.name: the provider names it `<resource name>-<random suffix>` at deploy time. */
    autoNamed: boolean;
    /** Inputs as the provider receives them: what schema validation and policies check. */
    manifest: Record<string, any>;
    /** The same with secret values masked: what is printed and written to disk. */
    redacted: Record<string, any>;
}

const OBJECT_TYPE = /^kubernetes:([^:/]+)\/([^:]+):(\w+)$/;
const NOT_OBJECTS = new Set(["helm.sh", "yaml", "kustomize"]);
export const MASK = "[secret]";

export function isKubernetesObject(r: RecordedResource): boolean {
    const m = OBJECT_TYPE.exec(r.type);
    return !!m && r.custom && !NOT_OBJECTS.has(m[1]) && !m[3].endsWith("Patch") && !m[3].endsWith("List");
}

/** Every scalar replaced by the mask; keys and shape are kept so the YAML still reads as a manifest. */
function maskLeaves(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(maskLeaves);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskLeaves(v)]));
    }
    return value === null || value === undefined ? value : MASK;
}

/** Wire inputs with secrets masked and values unknown before deploy spelled out. */
export function redact(value: unknown): any {
    if (value === unknownValue) return "[unknown until deploy]";
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (isWrappedSecret(obj)) return maskLeaves(redact(unwrapSecrets(obj)));
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redact(v)]));
    }
    return value;
}

export function kubernetesObjects(resources: readonly RecordedResource[]): KubernetesObject[] {
    return resources.filter(isKubernetesObject).map((r) => {
        const manifest = unwrapSecrets(r.inputs ?? {}) as Record<string, any>;
        const [, group, version, kind] = OBJECT_TYPE.exec(r.type)!;
        const apiVersion = manifest.apiVersion ?? (group === "core" ? version : `${group}/${version}`);
        return {
            urn: r.urn,
            resourceName: r.name,
            apiVersion,
            kind: manifest.kind ?? kind,
            namespace: manifest.metadata?.namespace,
            name: manifest.metadata?.name ?? r.name,
            autoNamed: manifest.metadata?.name === undefined,
            manifest,
            redacted: redact(r.serializedInputs),
        };
    });
}

export function describeObject(o: Pick<KubernetesObject, "apiVersion" | "kind" | "namespace" | "name" | "autoNamed">): string {
    return `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}${o.autoNamed ? "-<random suffix>" : ""} (${o.apiVersion})`;
}
