// platform:chartDirectory: every chart installs from a local directory of archives, as `helm pull`
// names them (`<chart>-<version>.tgz`), for clusters that cannot reach a chart repository. The
// directory must hold every pinned chart at its pinned version, so a missing archive is named here,
// before any resource is registered, rather than by the provider halfway through an update.
import * as fs from "fs";
import * as path from "path";
import { chartArchivePath } from "../../components/shared/helmChart";
import { pinnedArchives } from "../charts";

const KEY = "platform:chartDirectory";

export interface ChartDirectoryCheck {
    /** The directory, absolute (resolved against the project directory the engine runs the program in). */
    directory?: string;
    problems: string[];
}

export function checkChartDirectory(value: unknown, istioVersions: readonly string[], chartRepositories: Readonly<Record<string, unknown>>): ChartDirectoryCheck {
    if (typeof value !== "string" || value.trim() === "") {
        return { problems: [`${KEY}: must be a directory path (absolute, or relative to the project directory) holding the chart archives as \`helm pull\` names them (got ${JSON.stringify(value)})`] };
    }
    const directory = path.resolve(value);
    if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
        return { problems: [`${KEY}: ${directory} is not a directory; fill one with \`npm run charts:pull -- --charts ${value}\` on a machine with network`] };
    }
    const problems: string[] = [];
    const mirrored = Object.keys(chartRepositories);
    if (mirrored.length > 0) {
        problems.push(`${KEY}: every chart installs from the directory, so platform:chartRepositories (${mirrored.join(", ")}) would be ignored; set one of the two`);
    }
    const missing = pinnedArchives(istioVersions)
        .filter((a) => !fs.existsSync(chartArchivePath(directory, a.chart, a.version)))
        .map((a) => `${a.chart}-${a.version}.tgz (${a.key})`);
    if (missing.length > 0) {
        problems.push(`${KEY}: ${directory} lacks ${missing.join(", ")}; it must hold every pinned chart at its pinned version ` +
            `(infra/charts.ts), named <chart>-<version>.tgz: fill it with \`npm run charts:pull -- --charts ${value}\``);
    }
    return { directory, problems };
}
