// Which Kubernetes release's Pod Security semantics apply. Defaults to the latest release.
export const LATEST_KUBERNETES_RELEASE = "1.36";

/** Oldest release whose semantics this pack models (Windows relaxations arrived in 1.25). */
export const OLDEST_SUPPORTED_MINOR = 25;

export const KUBERNETES_VERSION_PATTERN = "^1\\.(2[5-9]|[3-9][0-9])$";

export function minorOf(version: string): number {
    const match = /^1\.(\d+)$/.exec(version);
    if (!match) throw new Error(`kubernetesVersion "${version}" is not of the form 1.<minor>`);
    return Math.max(Number(match[1]), OLDEST_SUPPORTED_MINOR);
}
