// Semantic versions (semver.org 2.0.0) as release tags and chart versions write them: "1.29.6",
// "v1.30.0", "1.30.0-beta.1". Parsing and ordering come from the `semver` package (npm's own), so
// prereleases order before their release and build metadata is ignored.
import * as semver from "semver";

/** Whether `text` names exactly one version (an optional leading "v"; no range, no spaces). */
export function isExactVersion(text: string): boolean {
    return text.trim() === text && semver.valid(text) !== null;
}

function parseVersion(text: string): semver.SemVer {
    const version = isExactVersion(text) ? semver.parse(text) : null;
    if (!version) throw new Error(`"${text}" is not a semantic version such as "1.29.6" or "1.30.0-beta.1"`);
    return version;
}

/** Negative when a is older than b, positive when newer, zero when they are the same release. */
export function compareVersions(a: string, b: string): number {
    return semver.compare(parseVersion(a), parseVersion(b));
}

/** The newest of some versions. */
export function newestVersion(versions: readonly string[]): string {
    if (versions.length === 0) throw new Error("no versions to choose from");
    return versions.reduce((newest, v) => (compareVersions(v, newest) > 0 ? v : newest));
}

/** Minor releases between two versions of the same major (1.29.6 and 1.30.3: 1); Infinity across majors. */
export function minorSkew(a: string, b: string): number {
    const [x, y] = [parseVersion(a), parseVersion(b)];
    return x.major !== y.major ? Infinity : Math.abs(x.minor - y.minor);
}
