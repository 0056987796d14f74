// charts:pull fetches what a stack installs with `helm pull`: checked against a Helm repository
// served from the chart cache on loopback, the way a mirror serves the pinned archives.
import { strict as assert } from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { helmBinary } from "../../scripts/helm/helmBinary";
import { helmPullArgs } from "../../scripts/helm/pull";
import { withChartCache } from "../harness/renderedCharts";

describe("charts:pull", () => {
    it("pulls an OCI chart by its reference and a repository chart with --repo", () => {
        assert.deepEqual(helmPullArgs({ chart: "oci://registry.example/charts/jaeger", version: "4.11.1" }, "/c"),
            ["pull", "oci://registry.example/charts/jaeger", "--version", "4.11.1", "--destination", "/c"]);
        assert.deepEqual(helmPullArgs({ chart: "jaeger", version: "4.11.1", repo: "https://mirror.example/charts" }, "/c"),
            ["pull", "jaeger", "--repo", "https://mirror.example/charts", "--version", "4.11.1", "--destination", "/c"]);
    });

    withChartCache("pulling from a mirror (test/charts/pull.test.ts)", (cache) => {
        it("fetches the pinned archive, byte for byte, from a Helm repository mirror", async () => {
            const server = http.createServer((req, res) => {
                const file = path.join(cache.dir, path.basename(req.url ?? ""));
                if (!fs.existsSync(file)) return void res.writeHead(404).end();
                res.writeHead(200).end(fs.readFileSync(file));
            });
            await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
            const destination = fs.mkdtempSync(path.join(os.tmpdir(), "charts-pull-"));
            const home = fs.mkdtempSync(path.join(os.tmpdir(), "helm-home-"));
            try {
                const repo = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
                await promisify(execFile)(helmBinary().path, helmPullArgs({ chart: "jaeger", version: "4.11.1", repo }, destination), {
                    env: { ...process.env, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home },
                });
                const pulled = fs.readFileSync(path.join(destination, "jaeger-4.11.1.tgz"));
                assert.ok(pulled.equals(fs.readFileSync(path.join(cache.dir, "jaeger-4.11.1.tgz"))));
            } finally {
                server.close();
                fs.rmSync(destination, { recursive: true, force: true });
                fs.rmSync(home, { recursive: true, force: true });
            }
        });
    });
});
