// A package-lock.json for a scratch project that installs the packed consumer package and the
// dependencies a team brings, at the versions this repository's lock pins: `npm ci --offline`
// then installs from the npm cache `npm ci` filled here, with no registry lookup.
import * as fs from "fs";
import * as path from "path";

type LockEntry = Record<string, any>;

/** Where Node would find `name` required from the package at `from` (a lock path). */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
    for (let base = from; ; base = base.includes("/node_modules/") ? base.slice(0, base.lastIndexOf("/node_modules/")) : "") {
        const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
        if (packages[candidate]) return candidate;
        if (!base) return undefined;
    }
}

/** The root lock's entries that `roots` need at run time, at the same paths (so the same tree). */
function closure(packages: Record<string, LockEntry>, roots: string[], local: Set<string>): Map<string, LockEntry> {
    const found = new Map<string, LockEntry>();
    const todo = roots.map((r) => `node_modules/${r}`);
    while (todo.length > 0) {
        const at = todo.pop()!;
        if (found.has(at)) continue;
        const entry = packages[at];
        if (!entry) throw new Error(`${at} is not in the repository's package-lock.json`);
        const { dev: _dev, devOptional: _devOptional, ...rest } = entry;
        found.set(at, rest);
        const required = { ...entry.dependencies, ...entry.optionalDependencies };
        for (const [peer] of Object.entries(entry.peerDependencies ?? {})) {
            if (!entry.peerDependenciesMeta?.[peer]?.optional) required[peer] = entry.peerDependencies[peer];
        }
        for (const name of Object.keys(required).filter((n) => !local.has(n))) {
            const dep = resolveIn(packages, at, name);
            if (dep) todo.push(dep);
            else if (!entry.optionalDependencies?.[name]) throw new Error(`${at} needs ${name}, which the lock does not hold`);
        }
    }
    return found;
}

export interface PackedPackage {
    name: string;
    version: string;
    filename: string;
    integrity: string;
}

/**
 * Writes package.json and package-lock.json of a project depending on the `packed` workspace
 * packages (tarballs in the project's parent folder; one may depend on another) and on `peers`.
 */
export function writeScratchProject(dir: string, repoRoot: string, packed: PackedPackage[], peers: string[]): void {
    const rootLock = JSON.parse(fs.readFileSync(path.join(repoRoot, "package-lock.json"), "utf8"));
    const packages = rootLock.packages as Record<string, LockEntry>;
    const manifestOf = (name: string) => packages[packages[`node_modules/${name}`].resolved];
    const local = new Set(packed.map((p) => p.name));
    const dependencies: Record<string, string> = Object.fromEntries(packed.map((p) => [p.name, `file:../${p.filename}`]));
    for (const peer of peers) dependencies[peer] = packages[`node_modules/${peer}`].version;
    const runtime = closure(packages, [...peers, ...packed.flatMap((p) => Object.keys(manifestOf(p.name).dependencies ?? {}))]
        .filter((n) => !local.has(n)), local);
    // The override a team copies from the package's README: @pulumi/kubernetesx (archived) declares
    // a peer range of @pulumi/kubernetes 3.x, and runs against the 4.x the team installs.
    const overrides = { "@pulumi/kubernetesx": { "@pulumi/kubernetes": "$@pulumi/kubernetes" } };
    const project = { name: "scratch-consumer", version: "0.0.0", private: true, dependencies, overrides };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(project, null, 2));
    fs.writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({
        name: project.name,
        version: project.version,
        lockfileVersion: 3,
        requires: true,
        packages: {
            "": { name: project.name, version: project.version, dependencies },
            ...Object.fromEntries(packed.map((p) => {
                const manifest = manifestOf(p.name);
                return [`node_modules/${p.name}`, {
                    version: p.version,
                    resolved: `file:../${p.filename}`,
                    integrity: p.integrity,
                    dependencies: manifest.dependencies,
                    peerDependencies: manifest.peerDependencies,
                    engines: manifest.engines,
                }];
            })),
            ...Object.fromEntries([...runtime].sort(([a], [b]) => a.localeCompare(b))),
        },
    }, null, 2));
}
