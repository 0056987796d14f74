// One `helm template` run, the way the v4 Chart invokes Helm's template action: release name and
// namespace from the Chart, CRDs included unless skipCrds, the stated cluster's capabilities.
// Values go in on stdin, so nothing the chart is given is written to disk.
import { execFile } from "child_process";
import { helmBinary } from "./helmBinary";
import { PLATFORM_API_VERSIONS, RENDER_KUBERNETES_VERSION } from "./cluster";

export interface TemplateRequest {
    archive: string;
    releaseName: string;
    namespace?: string;
    values: Record<string, unknown>;
    skipCrds: boolean;
}

export function helmTemplateArgs(request: TemplateRequest): string[] {
    const args = ["template", request.releaseName, request.archive, "--values", "-", "--kube-version", RENDER_KUBERNETES_VERSION];
    if (request.namespace) args.push("--namespace", request.namespace);
    if (!request.skipCrds) args.push("--include-crds");
    for (const apiVersion of PLATFORM_API_VERSIONS) args.push("--api-versions", apiVersion);
    return args;
}

/**
 * Helm 4.1.4 ignores `--values -` when stdin holds a whole multiple of 4096 bytes (it renders with
 * the chart's defaults, silently): such a document gets one more byte, a trailing newline.
 */
export function valuesDocument(values: Record<string, unknown>): string {
    const json = JSON.stringify(values);
    return Buffer.byteLength(json) % 4096 === 0 ? `${json}\n` : json;
}

/** The rendered multi-document YAML; rejects with Helm's own message. */
export function helmTemplate(request: TemplateRequest): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = execFile(helmBinary().path, helmTemplateArgs(request), { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
            (error, stdout, stderr) => {
                if (error) reject(new Error(stderr.trim().split("\n").pop() || error.message));
                else resolve(stdout);
            });
        child.stdin?.end(valuesDocument(request.values));
    });
}
