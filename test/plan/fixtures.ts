// Objects injected into a plan run to prove it fails when it should.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RecordedResource } from "../harness";
import { PlanArgs } from "../../scripts/plan/args";

export const ROOT = path.resolve(__dirname, "../..");

export function tempDir(prefix = "plan-test-"): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function planArgs(stack: string, overrides: Partial<PlanArgs> = {}): PlanArgs {
    return {
        stack,
        outDir: tempDir(),
        policyConfig: path.join(ROOT, "stacks", stack, "policy-config.json"),
        json: true,
        services: 0,
        ...overrides,
    };
}

/** A resource as the harness records it, declared outside any component. */
export function injected(type: string, name: string, manifest: Record<string, any>): RecordedResource {
    return {
        type, name, urn: `urn:pulumi:test::platform::${type}::${name}`, custom: true, dependencies: [],
        protect: false, retainOnDelete: false, aliases: 0, inputs: manifest, serializedInputs: manifest,
    };
}

const restrictedContainer = {
    name: "app",
    image: "ghcr.io/stefanprodan/podinfo:6.9.2",
    resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
    securityContext: {
        runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" },
    },
};

export function deployment(name: string, spec: { replicas?: unknown; container?: Record<string, any> } = {}): Record<string, any> {
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace: "shop", labels: { app: name } },
        spec: {
            replicas: spec.replicas ?? 1,
            selector: { matchLabels: { app: name } },
            template: {
                metadata: { labels: { app: name } },
                spec: { automountServiceAccountToken: false, containers: [spec.container ?? restrictedContainer] },
            },
        },
    };
}

/** A Deployment the Kubernetes schema rejects: replicas must be an integer. */
export const STRING_REPLICAS = injected("kubernetes:apps/v1:Deployment", "string-replicas", deployment("string-replicas", { replicas: "3" }));

/** A schema-valid Deployment that breaks Pod Security Standards (privileged, root) in a tenant namespace. */
export const PRIVILEGED = injected("kubernetes:apps/v1:Deployment", "privileged", deployment("privileged", {
    container: { ...restrictedContainer, securityContext: { privileged: true, runAsUser: 0, allowPrivilegeEscalation: true } },
}));

/** The stack's policy config with pod-security-standards made mandatory, written to a temp file. */
export function mandatoryPodSecurityConfig(stack: string): string {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, "stacks", stack, "policy-config.json"), "utf8"));
    config["pod-security-standards"] = { ...config["pod-security-standards"], enforcementLevel: "mandatory" };
    const file = path.join(tempDir(), "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
}
