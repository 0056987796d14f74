// The pack's admission-rule cases on the real API server, with the stack's ValidatingAdmissionPolicies
// and bindings applied as the platform deploys them. Each case's object is sent with server-side
// apply and dryRun=All (admission runs in full, nothing is stored) into a namespace of its own,
// `case-<namespace>`, carrying the case's namespace labels. The pack judges the same renamed
// objects with the stack's policy config, and the server must agree: a violation of a policy that
// is mandatory in the stack is denied, one of an advisory policy is admitted with a warning, each
// with the pack's message; a look-alike is admitted without one. Then every exemption the stack
// carries into the cluster is tried by a tenant: the exempted platform object, with its name and
// every Helm label, sent into a tenant namespace, must still be refused (or warned in dev).
import * as fs from "fs";
import * as path from "path";
import { KubernetesObject } from "../../plan/objects";
import { ALL_CASES, PackCase, subjectOf } from "../../policy-run/admissionCases";
import { AnalyzedResource, analyzePolicy, resolveConfig } from "../../policy-run";
import { policies } from "../../../policy/policies";
import { ADMISSION_RULE_SETS } from "../../../policy/admission";
import { wireObject } from "../../../policy/admission/judge";
import { KubeClient, KubeObject } from "../kubeClient";

export type AdmissionVerdict = "denied" | "warned" | "admitted" | "not served";

export interface AdmissionCheck {
    name: string;
    expected: AdmissionVerdict;
    got: AdmissionVerdict;
    /** The server's message or warnings, or what went wrong. */
    detail: string;
    ok: boolean;
}

const ROOT = path.resolve(__dirname, "../../..");
const TENANT_LABEL = "platform.example.com/tenant";

/** The object's own message in the pack's report: the part after "<Kind> <ns>/<name>: ". */
const ruleText = (message: string) => message.slice(message.indexOf(": ") + 2);

/** What the API server does with the object on a dry-run apply. */
async function sendDryRun(client: KubeClient, object: KubeObject): Promise<{ verdict: AdmissionVerdict; detail: string; warnings: string[] }> {
    const type = await client.resourceType(object.apiVersion, object.kind);
    if (!type) return { verdict: "not served", detail: `${object.apiVersion} ${object.kind} is not served by this cluster`, warnings: [] };
    const url = await client.path(object.apiVersion, object.kind, object.metadata.namespace, object.metadata.name);
    const answer = await client.request("PATCH", `${url}?fieldManager=admission-case&force=true&dryRun=All`, object, "application/apply-patch+yaml");
    const warnings = (answer.warnings ?? []).filter((w) => w.includes("ValidatingAdmissionPolicy"));
    if (answer.status >= 400) return { verdict: "denied", detail: String(answer.body?.message ?? answer.status), warnings };
    return { verdict: warnings.length ? "warned" : "admitted", detail: warnings.join(" | "), warnings };
}

/**
 * The case with its subject's namespace renamed to `case-<namespace>-<policy>` (Namespace object
 * included): each policy's cases label their namespaces their own way. A case whose verdict rests
 * on the namespace's name (`inPlace`: a platform namespace the config allows something in) keeps
 * it, and is sent into the stack's own namespace (dryRun=All stores nothing); so does a
 * cluster-scoped subject.
 */
function renamed(c: PackCase): { resources: AnalyzedResource[]; subject: AnalyzedResource; namespace?: AnalyzedResource } {
    const subject = subjectOf(c);
    // A cluster-scoped subject (ClusterRole, ClusterRoleBinding) is in no namespace to rename.
    if (c.inPlace || subject.props.metadata.namespace === undefined) return { resources: c.resources, subject };
    const from = subject.props.metadata.namespace as string;
    const to = `case-${from}-${c.policy.name}`;
    const resources = c.resources.map((r) => {
        const props = structuredClone(r.props);
        if (r.type === "kubernetes:core/v1:Namespace" && props.metadata.name === from) props.metadata.name = to;
        else if (props.metadata?.namespace === from) props.metadata.namespace = to;
        return { ...r, props };
    });
    const namespace = resources.find((r) => r.type === "kubernetes:core/v1:Namespace" && r.props.metadata.name === to)!;
    return { resources, subject: resources.find((r) => r.urn === subject.urn)!, namespace };
}

/** Controls whose verdict rests on the object's namespace being one the stack names (privileged). */
const NAMESPACE_BOUND_CONTROLS = new Set(["rbac-least-privilege/privilegedNamespaceWrite", "rbac-least-privilege/secretsRead"]);

const levelAction = (level: string): AdmissionVerdict => (level === "mandatory" || level === "remediate" ? "denied" : "warned");

/**
 * The server's verdict against the pack's: the same verdict, and the pack's message in the
 * server's answer: each of them (`all`), or one (the server names the first policy that denies).
 */
function check(name: string, expected: AdmissionVerdict, sent: { verdict: AdmissionVerdict; detail: string }, packMessages: string[], all = true): AdmissionCheck {
    const texts = packMessages.map(ruleText);
    const said = expected === "admitted" || (all ? texts.every((t) => sent.detail.includes(t)) : texts.some((t) => sent.detail.includes(t)));
    const ok = sent.verdict === expected && said;
    const detail = ok || sent.verdict !== expected ? sent.detail : `${sent.detail} (the pack says: ${texts.join(" | ")})`;
    return { name, expected, got: sent.verdict, detail, ok };
}

async function packMessages(policyName: string, config: Record<string, any>, resources: AnalyzedResource[], urn: string): Promise<string[]> {
    const policy = policies.find((p) => p.name === policyName)!;
    const resolved = resolveConfig({ [policyName]: config[policyName] }, [policy]).get(policyName)!;
    return (await analyzePolicy(policy, resources, resolved)).filter((d) => d.urn === urn).map((d) => d.message);
}

/** Applies (for real) the case namespaces, then judges every case and every carried exemption. */
export async function judgeAdmissionCases(client: KubeClient, stack: string, objects: readonly KubernetesObject[]): Promise<AdmissionCheck[]> {
    const configOf = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "stacks", name, "policy-config.json"), "utf8"));
    const config = configOf(stack);
    // The cases are written against prod's settings (test/policy/admission/rules.test.ts): a rule
    // another stack's settings switch off is expected to pass there, so the server must admit it.
    const caseConfig = configOf("prod");
    const checks: AdmissionCheck[] = [];
    const namespacesMade = new Set<string>();
    for (const c of ALL_CASES) {
        const { resources, subject, namespace } = renamed(c);
        if (namespace && !namespacesMade.has(namespace.props.metadata.name)) {
            // The namespace and the case's ServiceAccounts there exist for real (a Pod names its account).
            const accounts = resources.filter((r) => r.type === "kubernetes:core/v1:ServiceAccount" && r.props.metadata.namespace === namespace.props.metadata.name);
            for (const made of [namespace, ...accounts]) {
                const answer = await client.apply(wireObject(made.type, made.props) as KubeObject, "admission-case");
                if (answer.status >= 300) throw new Error(`${made.type} ${made.props.metadata.name}: ${answer.status} ${answer.body?.message}`);
            }
            namespacesMade.add(namespace.props.metadata.name);
        }
        const messages = await packMessages(c.policy.name, config, resources, subject.urn);
        // Another policy may refuse the same object too (a tenant's Gateway API Gateway breaks
        // tenant-isolation and service-exposure); the server then names whichever denies first.
        const reported = (await Promise.all(ADMISSION_RULE_SETS.map(async (s) => ({
            policy: s.spec.policy,
            messages: s.spec.policy === c.policy.name ? messages : await packMessages(s.spec.policy, config, resources, subject.urn),
        })))).filter((p) => p.messages.length > 0);
        const expected: AdmissionVerdict = reported.length === 0 ? "admitted"
            : reported.some((p) => levelAction(config[p.policy].enforcementLevel) === "denied") ? "denied" : "warned";
        const sent = await sendDryRun(client, wireObject(subject.type, subject.props) as KubeObject);
        if (sent.verdict === "not served") {
            checks.push({ name: `${c.policy.name}: ${c.title}`, expected, got: sent.verdict, detail: sent.detail, ok: true });
            continue;
        }
        const result = check(`${c.policy.name}: ${c.title}`, expected, sent, reported.flatMap((p) => p.messages), reported.length <= 1);
        // The pack's own verdict on the renamed case, with prod's settings, is still the case's.
        const caseMessages = await packMessages(c.policy.name, caseConfig, resources, subject.urn);
        if ((caseMessages.length > 0) !== (c.expected !== undefined)) {
            result.ok = false;
            result.detail = `the pack's verdict on the renamed case differs from the case's: ${caseMessages.join(" | ") || "none"}`;
        }
        checks.push(result);
    }
    checks.push(...await chartLookAlikes(client, config, objects));
    checks.push(...await providerNamespaceCases(client));
    return checks;
}

/**
 * Each refused Deployment of the cases, sent into kube-system: the provider's namespaces are outside
 * the bindings (policy/admission/providerNamespaces.ts), so the server admits it without a warning.
 */
async function providerNamespaceCases(client: KubeClient): Promise<AdmissionCheck[]> {
    const checks: AdmissionCheck[] = [];
    for (const c of ALL_CASES.filter((c) => c.expected !== undefined && subjectOf(c).type === "kubernetes:apps/v1:Deployment")) {
        const subject = subjectOf(c);
        const manifest = wireObject(subject.type, { ...structuredClone(subject.props), metadata: { ...subject.props.metadata, namespace: "kube-system" } }) as KubeObject;
        const sent = await sendDryRun(client, manifest);
        checks.push({ ...check(`${c.policy.name}: ${c.title}, sent into kube-system`, "admitted", sent, []), detail: sent.detail || "admitted, no policy warning" });
    }
    return checks;
}

/**
 * For each exemption of an admission rule's policy that the cluster carries (it pins a namespace),
 * the exempted platform object itself, name and labels untouched, sent into a tenant namespace:
 * the platform's identification (namespace, kind, name) does not follow it there.
 */
async function chartLookAlikes(client: KubeClient, config: Record<string, any>, objects: readonly KubernetesObject[]): Promise<AdmissionCheck[]> {
    const tenant = objects.find((o) => o.kind === "Namespace" && o.manifest.metadata?.labels?.[TENANT_LABEL] === "true");
    if (!tenant) return [{ name: "chart look-alikes", expected: "denied", got: "not served", detail: "the stack has no tenant namespace", ok: false }];
    const checks: AdmissionCheck[] = [];
    for (const set of ADMISSION_RULE_SETS) {
        const policy = set.spec.policy;
        const ruleControls = new Set(set.rules.map((r) => r.control));
        for (const e of (config[policy].exemptions ?? []) as Array<Record<string, any>>) {
            if (e.namespace === undefined || !e.controls.some((control: string) => ruleControls.has(control))) continue;
            const pattern = new RegExp(`^${String(e.name ?? "*").split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
            const original = objects.find((o) => o.namespace === e.namespace && (e.kind === undefined || o.kind === e.kind) && pattern.test(o.name));
            if (!original) continue;
            const manifest = structuredClone(original.manifest) as KubeObject;
            manifest.apiVersion = original.apiVersion;
            manifest.kind = original.kind;
            manifest.metadata = { ...manifest.metadata, namespace: tenant.name };
            const planned: AnalyzedResource = { type: `kubernetes:${original.apiVersion.includes("/") ? original.apiVersion : `core/${original.apiVersion}`}:${original.kind}`, name: "look-alike", urn: "urn:pulumi:case::platform::look-alike", props: manifest };
            // Every admission rule may refuse it there (a chart's pod opted out of the mesh, say).
            const stackResources = [{ type: "kubernetes:core/v1:Namespace", name: tenant.name, urn: "urn:ns", props: tenant.manifest }, planned];
            const byPolicy = await Promise.all(ADMISSION_RULE_SETS.map(async (s) => ({
                policy: s.spec.policy, messages: await packMessages(s.spec.policy, config, stackResources, planned.urn),
            })));
            const messages = byPolicy.flatMap((p) => p.messages);
            const denies = byPolicy.some((p) => p.messages.length > 0 && levelAction(config[p.policy].enforcementLevel) === "denied");
            const sent = await sendDryRun(client, manifest);
            const name = `${policy}: ${original.kind} ${original.name} (exempt in ${e.namespace}) sent by a tenant into ${tenant.name}, Helm labels kept`;
            const result = check(name, messages.length ? (denies ? "denied" : "warned") : "admitted", sent, messages, false);
            // A control that rests on the namespace (rbac-least-privilege's privilegedNamespaceWrite)
            // has nothing to refuse in a tenant namespace: the server must then admit it too. Any
            // other exemption's object must still break its rules there.
            const namespaceBound = e.controls.every((control: string) => NAMESPACE_BOUND_CONTROLS.has(`${policy}/${control}`));
            if (messages.length === 0 && !namespaceBound) {
                result.ok = false;
                result.detail = `the pack finds nothing to refuse in the look-alike: ${sent.detail}`;
            }
            checks.push(result);
        }
    }
    return checks;
}
