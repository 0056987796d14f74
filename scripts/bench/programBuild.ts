// The program as `pulumi up` runs it (tsc's JavaScript, Pulumi.yaml `typescript: false`), plus the
// mocks harness and the floor program, compiled together into a temporary directory so both run
// with the same loader: plain Node with source-map-support registered, as the Node language host
// does before it loads a program, with Pulumi.yaml's `nodeargs`.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";

const ROOT = path.resolve(__dirname, "../..");

export interface ProgramBuild {
    dir: string;
    /** Node arguments that run the mocks harness for `stack`, writing its result to `resultFile`. */
    harnessArgs(stack: string, resultFile: string): string[];
    /** The floor program's project directory (for the harness's projectDir option). */
    floorProjectDir: string;
    remove(): void;
}

export function buildProgram(stack: string): ProgramBuild {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-build-"));
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.json"), "--noCheck", "--outDir", dir], { stdio: "inherit" });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
    // What the language host passes to node before the program (Pulumi.yaml runtime.options.nodeargs).
    const nodeArgs = String(project.runtime?.options?.nodeargs ?? "").split(/\s+/).filter(Boolean);
    // The launcher (infra/main.js) would load the same files from bin/.
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), stringify({ ...project, main: "infra" }));
    fs.copyFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), path.join(dir, `Pulumi.${stack}.yaml`));
    const floorProjectDir = path.join(dir, "floor-project");
    fs.mkdirSync(floorProjectDir);
    fs.writeFileSync(path.join(floorProjectDir, "Pulumi.yaml"), stringify({ ...project, main: "../scripts/bench/floor.js" }));
    fs.copyFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), path.join(floorProjectDir, `Pulumi.${stack}.yaml`));
    return {
        dir,
        floorProjectDir,
        harnessArgs: (s, resultFile) => [...nodeArgs, "--require", "source-map-support/register", path.join(dir, "scripts/mock-run/runUnderMocks.js"), s, resultFile],
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
