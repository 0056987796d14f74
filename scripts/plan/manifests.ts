// Writes each object as its own YAML file: <out>/<namespace or _cluster>/<kind>-<name>.yaml.
// The list of files written is kept in <out>/.plan-files.json so that the next run removes the
// files of objects that no longer exist, and nothing else in the directory is touched.
import * as fs from "fs";
import * as path from "path";
import { stringify } from "yaml";
import { KubernetesObject } from "./objects";

const INDEX = ".plan-files.json";
const CLUSTER_SCOPED_DIR = "_cluster";

const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, "_");

export function manifestPath(o: KubernetesObject): string {
    return path.join(o.namespace ? safe(o.namespace) : CLUSTER_SCOPED_DIR, `${safe(o.kind)}-${safe(o.name)}.yaml`);
}

function removePreviousFiles(outDir: string): void {
    const index = path.join(outDir, INDEX);
    if (!fs.existsSync(index)) return;
    for (const rel of JSON.parse(fs.readFileSync(index, "utf8")) as string[]) {
        const file = path.resolve(outDir, rel);
        if (file.startsWith(outDir + path.sep)) fs.rmSync(file, { force: true });
    }
}

/** Writes the manifests; returns the relative file of each object, in order. */
export function writeManifests(outDir: string, objects: readonly KubernetesObject[]): string[] {
    removePreviousFiles(outDir);
    const used = new Set<string>();
    const files = objects.map((o) => {
        let rel = manifestPath(o);
        // Same kind and name in two API groups (e.g. two "Certificate" kinds): keep both.
        if (used.has(rel)) rel = rel.replace(/\.yaml$/, `.${safe(o.apiVersion)}.yaml`);
        used.add(rel);
        const file = path.join(outDir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const header = [`# ${o.urn}`];
        if (o.autoNamed) header.push(`# metadata.name is generated at deploy time: ${o.name}-<random suffix>`);
        fs.writeFileSync(file, `${header.join("\n")}\n${stringify(o.redacted, { lineWidth: 0 })}`);
        return rel;
    });
    fs.writeFileSync(path.join(outDir, INDEX), JSON.stringify(files, null, 2));
    return files;
}
