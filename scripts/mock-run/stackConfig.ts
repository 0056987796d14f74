// Reads Pulumi.yaml and Pulumi.<stack>.yaml the way the CLI would hand them to the program.
import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { parse } from "yaml";
import { StackOverrides } from "./types";

export interface LoadedStackConfig {
    project: string;
    /** The program's entry, relative to the project (Pulumi.yaml `main`). */
    main: string;
    config: Record<string, string>;
    secretKeys: string[];
    secretValues: string[];
}

const encode = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const isSecretOverride = (v: unknown): v is { secret: string } =>
    !!v && typeof v === "object" && Object.keys(v).length === 1 && "secret" in v;

export function loadStackConfig(root: string, stack: string, overrides: StackOverrides = {}): LoadedStackConfig {
    const projectFile = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
    const project = projectFile.name as string;
    const stackFile = path.join(root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) throw new Error(`no stack file ${stackFile}`);
    const stackConfig: Record<string, unknown> = parse(fs.readFileSync(stackFile, "utf8"))?.config ?? {};
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const secretValues: string[] = [];
    const fullKey = (k: string) => (k.includes(":") ? k : `${project}:${k}`);
    const setSecret = (key: string, value: string) => {
        config[key] = value;
        secretKeys.push(key);
        secretValues.push(value);
    };
    for (const [k, v] of Object.entries(stackConfig)) {
        if (v && typeof v === "object" && "secure" in v) {
            // The CLI decrypts `secure:` values; a random stand-in lets tests look for leaks.
            setSecret(fullKey(k), `secret-${randomBytes(12).toString("hex")}`);
        } else {
            config[fullKey(k)] = encode(v);
        }
    }
    for (const [k, v] of Object.entries(overrides)) {
        if (v === undefined || v === null) delete config[fullKey(k)];
        else if (isSecretOverride(v)) setSecret(fullKey(k), v.secret);
        else config[fullKey(k)] = encode(v);
    }
    return { project, main: projectFile.main ?? ".", config, secretKeys, secretValues };
}
