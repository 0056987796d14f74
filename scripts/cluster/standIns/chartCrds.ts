// STAND-IN for CustomResourceDefinitions a chart archive here lacks. The external-secrets archive in
// ../shared/charts has no templates/crds: upstream generates them when it publishes the chart, and
// the archive was made from the chart's source. A user's `helm pull` gets them, and the program
// relies on the chart for them (installCRDs). Without them the API server refuses the platform's
// ClusterSecretStore and ExternalSecrets, so the local cluster gets ESO's CRDs from the nearest
// release the Go module proxy serves (scripts/toolchain/versions.env, fetched by build-cluster.sh),
// applied before the platform. Inert once the archive carries its own CRDs.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import { CHARTS, ChartKey } from "../../../infra/charts";
import { waitFor } from "../cluster";
import { KubeClient, KubeObject } from "../kubeClient";
import { TOOLCHAIN_DIR } from "../layout";

interface MissingCrds {
    chart: ChartKey;
    /** The CRDs' source, as build-cluster.sh fetched it. */
    source: string;
    /** The toolchain cache's folder of those CRDs. */
    folder: string;
}

const VERSIONS = fs.readFileSync(path.resolve(__dirname, "../../toolchain/versions.env"), "utf8");
const pinned = (name: string) => VERSIONS.match(new RegExp(`^${name}=(.*)$`, "m"))?.[1] ?? "(not pinned)";

const MISSING: readonly MissingCrds[] = [
    { chart: "externalSecrets", source: `${pinned("ESO_CRDS_MODULE")}@${pinned("ESO_CRDS_VERSION")}`, folder: "crds/external-secrets" },
];

export const CHART_CRDS_UNPROVEN = "the chart version's own CRD schemas (an older release's stand in; the objects are checked against those)";

/** True when the archive has a CRD template or a crds/ folder of its own. */
function carriesCrds(archive: string): boolean {
    const entries = execFileSync("tar", ["-tzf", archive], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\n");
    return entries.some((e) => /^[^/]+\/(crds\/|templates\/crds\/).+\.ya?ml$/.test(e));
}

export interface ChartCrdStandIn {
    crds: KubeObject[];
    /** One line per chart stood in for, naming the stand-in and what it leaves unproven. */
    lines: string[];
}

/** The CRDs to apply before the platform: those of each pinned archive in `chartsDir` that lacks its own. */
export function chartCrdStandIns(chartsDir: string): ChartCrdStandIn {
    const result: ChartCrdStandIn = { crds: [], lines: [] };
    for (const missing of MISSING) {
        const { chart, version } = CHARTS[missing.chart];
        const archive = path.join(chartsDir, `${chart}-${version}.tgz`);
        if (!fs.existsSync(archive) || carriesCrds(archive)) continue;
        const folder = path.join(TOOLCHAIN_DIR, missing.folder);
        if (!fs.existsSync(folder)) throw new Error(`${archive} has no CRDs and ${folder} does not exist: run scripts/toolchain/build-cluster.sh`);
        const crds = fs.readdirSync(folder).sort()
            .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(folder, f), "utf8")).map((d) => d.toJS() as KubeObject))
            .filter((o) => o?.kind === "CustomResourceDefinition");
        result.crds.push(...crds);
        result.lines.push(`STAND-IN: ${chart}-${version}.tgz carries no CRDs; ${crds.length} CRDs of ${missing.source} applied first. Unproven: ${CHART_CRDS_UNPROVEN}`);
    }
    return result;
}

/** Applies the stand-in CRDs and waits until the API server serves each of them. */
export async function applyStandInCrds(client: KubeClient, crds: readonly KubeObject[]): Promise<void> {
    for (const crd of crds) {
        const answer = await client.apply(crd, "chart-crd-stand-in");
        if (answer.status >= 300) throw new Error(`stand-in CRD ${crd.metadata.name}: ${answer.status} ${answer.body?.message}`);
    }
    await waitFor("every stand-in CRD Established", async () => {
        for (const crd of crds) {
            const got = await client.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", undefined, crd.metadata.name);
            if (!got.body?.status?.conditions?.some((c: any) => c.type === "Established" && c.status === "True")) return undefined;
        }
        return true;
    }, 60_000);
    client.invalidate();
}
