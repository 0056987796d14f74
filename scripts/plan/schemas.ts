// Schema validation with the maintained model packages: each ships the JSON schemas of its API
// groups (the Kubernetes OpenAPI schema, or the project's CRDs) and a model class per kind whose
// validate() checks an object against them. Which package covers an API group is the small
// registry below; the class is found by walking that package's exports for the apiVersion.
// A custom resource whose CustomResourceDefinition is in the same plan (a rendered chart's) is
// checked against that CRD's own openAPIV3Schema first: the schema the API server applies.
import Ajv, { ValidateFunction } from "ajv";
import { KubernetesObject } from "./objects";

interface SchemaSource {
    /** npm package; its subpath `<package>/<apiVersion>` exports one class per kind. */
    package: string;
    covers(group: string): boolean;
}

const KUBERNETES_BUILTIN_GROUPS = new Set(["", "apps", "batch", "autoscaling", "policy", "extensions"]);

export const SCHEMA_SOURCES: readonly SchemaSource[] = [
    { package: "kubernetes-models", covers: (g) => KUBERNETES_BUILTIN_GROUPS.has(g) || g.endsWith(".k8s.io") },
    { package: "@kubernetes-models/istio", covers: (g) => g.endsWith(".istio.io") },
    { package: "@kubernetes-models/prometheus-operator", covers: (g) => g === "monitoring.coreos.com" },
    { package: "@kubernetes-models/argo-cd", covers: (g) => g === "argoproj.io" },
    // ESO's CRDs (external-secrets.io/v1: ExternalSecret, SecretStore, ClusterSecretStore ...). The
    // published chart renders them too; then the chart's own CRD schema is checked first (above).
    { package: "@kubernetes-models/external-secrets", covers: (g) => g === "external-secrets.io" || g === "generators.external-secrets.io" },
];

/** API groups known to have no maintained schema package, with the reason given for them. */
const KNOWN_UNCOVERED: readonly { covers(group: string): boolean; reason: string }[] = [
    {
        covers: (g) => g.endsWith(".k8s.elastic.co"),
        reason: "no maintained npm package ships the ECK CRD schemas (elasticsearch/kibana.k8s.elastic.co)",
    },
];

export type SchemaResult =
    | { status: "valid"; source: string }
    | { status: "invalid"; source: string; errors: string[] }
    | { status: "unchecked"; reason: string };

interface ModelClass {
    new (data: unknown): { validate(): void };
    apiVersion?: string;
    kind?: string;
}

const groupOf = (apiVersion: string) => (apiVersion.includes("/") ? apiVersion.split("/")[0] : "");

/** "<group>/<version>/<Kind>" -> the openAPIV3Schema of every served version of the CRDs given. */
export function crdSchemas(crds: readonly Record<string, any>[]): Map<string, object> {
    const schemas = new Map<string, object>();
    for (const crd of crds) {
        for (const version of crd.spec?.versions ?? []) {
            const schema = version.schema?.openAPIV3Schema;
            if (version.served && schema) schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names?.kind}`, schema);
        }
    }
    return schemas;
}

/**
 * CRD patterns are Go (RE2) regular expressions. The common difference, a leading `(?i)`, becomes the
 * `i` flag; a pattern JavaScript cannot compile is not judged (it matches everything).
 */
function goRegExp(pattern: string, flags: string): { test: (s: string) => boolean } {
    const caseless = pattern.startsWith("(?i)");
    try {
        return new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? `${flags}i` : flags);
    } catch {
        return { test: () => true };
    }
}
goRegExp.code = "goRegExp";

export class SchemaValidator {
    private readonly modules = new Map<string, Promise<Record<string, unknown> | undefined>>();
    private readonly compiled = new Map<string, ValidateFunction>();
    // CRD schemas are OpenAPI v3 with x-kubernetes-* extensions and Kubernetes formats (int-or-string, ...).
    private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });

    constructor(private readonly crds: ReadonlyMap<string, object> = new Map()) {}

    private crdValidator(apiVersion: string, kind: string): ValidateFunction | undefined {
        const key = `${apiVersion}/${kind}`;
        const schema = this.crds.get(key);
        if (!schema) return undefined;
        let validate = this.compiled.get(key);
        if (!validate) {
            validate = this.ajv.compile(schema);
            this.compiled.set(key, validate);
        }
        return validate;
    }

    private load(specifier: string): Promise<Record<string, unknown> | undefined> {
        let loaded = this.modules.get(specifier);
        if (!loaded) {
            // The packages are ES modules with only an "import" export condition.
            loaded = import(specifier).then((m: Record<string, unknown>) => m, (e: NodeJS.ErrnoException) => {
                if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") return undefined;
                throw e;
            });
            this.modules.set(specifier, loaded);
        }
        return loaded;
    }

    private async modelClass(source: SchemaSource, apiVersion: string, kind: string): Promise<ModelClass | string> {
        const exports = await this.load(`${source.package}/${apiVersion}`);
        if (!exports) return `${source.package} has no schemas for ${apiVersion}`;
        const found = Object.values(exports).find((v): v is ModelClass =>
            typeof v === "function" && (v as ModelClass).apiVersion === apiVersion && (v as ModelClass).kind === kind);
        return found ?? `${source.package} has no ${kind} in ${apiVersion}`;
    }

    async validate(object: Pick<KubernetesObject, "apiVersion" | "kind" | "manifest">): Promise<SchemaResult> {
        const group = groupOf(object.apiVersion);
        const fromCrd = this.crdValidator(object.apiVersion, object.kind);
        if (fromCrd) {
            return fromCrd(object.manifest)
                ? { status: "valid", source: "its CustomResourceDefinition" }
                : { status: "invalid", source: "its CustomResourceDefinition", errors: validationMessages({ errors: fromCrd.errors }) };
        }
        const source = SCHEMA_SOURCES.find((s) => s.covers(group));
        if (!source) {
            const known = KNOWN_UNCOVERED.find((u) => u.covers(group));
            return { status: "unchecked", reason: known?.reason ?? `no schema package covers API group "${group}"` };
        }
        const model = await this.modelClass(source, object.apiVersion, object.kind);
        if (typeof model === "string") return { status: "unchecked", reason: model };
        try {
            new model(structuredClone(object.manifest)).validate();
            return { status: "valid", source: source.package };
        } catch (e) {
            return { status: "invalid", source: source.package, errors: validationMessages(e) };
        }
    }
}

function validationMessages(e: unknown): string[] {
    const errors = (e as { errors?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) return [(e as Error).message ?? String(e)];
    return errors.map((err) => {
        const extra = err.params?.additionalProperty ? ` (${String(err.params.additionalProperty)})` : "";
        return `${err.instancePath || "/"}: ${err.message ?? "is invalid"}${extra}`;
    });
}
