// What `pulumi up` runs: Pulumi.yaml's main under plain Node (`typescript: false`, no TypeScript
// loader), which must load tsc's build from bin/ and register what the sources register.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { runOk } from "../harness";
import { loadStackConfig } from "../../scripts/mock-run/stackConfig";

const ROOT = path.resolve(__dirname, "../..");

// Plain JavaScript, run by plain node: echo mocks, and the RandomPassword result and @pulumi/tls
// key pair the program uses.
const CHILD = `
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const { root, main, project, stack, config, secretKeys } = JSON.parse(process.env.ENTRY_TEST);
pulumi.runtime.setAllConfig(config, secretKeys);
const registered = [];
pulumi.runtime.setMocks({
    newResource: (a) => {
        registered.push(a.type + "::" + a.name);
        const random = a.type === "random:index/randomPassword:RandomPassword" ? { result: "p".repeat(24), bcryptHash: "$2a$04$" + "a".repeat(53) } : {};
        const key = a.type === "tls:index/privateKey:PrivateKey" ? (() => {
            const pair = require("crypto").generateKeyPairSync("ec", { namedCurve: "P-256" });
            return { publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
                privateKeyPem: pair.privateKey.export({ type: "sec1", format: "pem" }).toString(),
                privateKeyPemPkcs8: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
        })() : {};
        return { id: a.custom ? a.name + "-id" : undefined, state: { ...a.inputs, ...random, ...key } };
    },
    call: (a) => a.inputs,
}, project, stack, false);
require(path.join(root, main));
let last = -1;
const timer = setInterval(() => {
    if (registered.length !== last) { last = registered.length; return; }
    clearInterval(timer);
    const loadedFromBin = Object.keys(require.cache).some((f) => f === path.join(root, "bin", "infra", "index.js"));
    process.stdout.write(JSON.stringify({ registered, loadedFromBin, typeScriptLoader: !!require.extensions[".ts"] }));
    process.exit(0);
}, 200);
`;

describe("deploy entry (Pulumi.yaml main)", function () {
    this.timeout(180_000);

    it("runs without type-checking or transpiling", () => {
        const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
        assert.equal(project.runtime.options.typescript, false);
        assert.match(project.main, /\.js$/);
    });

    it("loads tsc's build under plain node and registers what the sources register", () => {
        const { project, main, config, secretKeys } = loadStackConfig(ROOT, "dev");
        const out = execFileSync(process.execPath, ["-e", CHILD], {
            cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, NODE_OPTIONS: "", ENTRY_TEST: JSON.stringify({ root: ROOT, main, project, stack: "dev", config, secretKeys }) },
        });
        const child = JSON.parse(out) as { registered: string[]; loadedFromBin: boolean; typeScriptLoader: boolean };
        assert.equal(child.typeScriptLoader, false);
        assert.ok(child.loadedFromBin, "bin/infra/index.js was loaded");
        const fromSources = runOk("dev").resources.map((r) => `${r.type}::${r.name}`).filter((k) => !k.startsWith("pulumi:pulumi:Stack"));
        assert.deepEqual(child.registered.filter((k) => !k.startsWith("pulumi:pulumi:Stack")).sort(), fromSources.sort());
    });
});
