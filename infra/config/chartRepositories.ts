// platform:chartRepositories: a Helm repository or an OCI registry per chart, https unless the
// stack allows http for that chart (platform:httpChartRepositories), and no credentials in the URL.
import { credentialsInUrlReason } from "@reference-platform/consumer/shared/references";

/** A Helm repository or OCI registry URL: why it is unusable, given whether the stack allows http. */
export function invalidChartRepositoryReason(chart: string, value: string, httpAllowed: boolean): string | undefined {
    const accepted = 'an https:// Helm repository or an oci:// registry, with a host (e.g. "oci://registry.example/charts")';
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return `must be ${accepted}`;
    }
    if (!["https:", "oci:", "http:"].includes(url.protocol) || url.hostname === "") return `must be ${accepted}`;
    if (url.protocol === "http:" && !httpAllowed) {
        return `uses plain http; use https, or allow it for this chart with platform:httpChartRepositories.${chart}: "<why http is acceptable>"`;
    }
    return credentialsInUrlReason(value);
}
