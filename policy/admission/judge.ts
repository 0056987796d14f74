// The pack's side of an admission rule: at preview, each object of the rule's kinds is judged by
// the rule's CEL, with the stack's Namespace object as `namespaceObject` (a Namespace the stack does
// not declare, such as `default`, is passed as the API server would see a bare one: no labels).
// Violations go through the policy's exemptions like any other control. A resource policy's rules
// are judged per object (judgeResource): they read the object alone, never its Namespace.
import { PolicyResource, ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { kubeType } from "../lib/kubeType";
import { reporterFor } from "../lib/report";
import { ofKind, refOf } from "../lib/stackResources";
import { Exemption } from "../lib/exemptions";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { evaluateValidation } from "./cel";
import { AdmissionRule, RuleCel } from "./rule";

/** Namespace objects by name, as `namespaceObject` gets them. */
export function namespaceObjects(resources: readonly PolicyResource[]): Map<string, Record<string, any>> {
    return new Map(ofKind(resources, [""], "Namespace").map((ns) => [refOf(ns).name, ns.props]));
}

export const bareNamespace = (name: string): Record<string, any> => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });

/** The object as the API server receives it: apiVersion and kind set, as the provider sends them. */
export function wireObject(type: string, props: Record<string, any>): Record<string, any> {
    const t = kubeType(type)!;
    return { ...props, apiVersion: t.group === "" ? t.version : `${t.group}/${t.version}`, kind: t.kind };
}

/** Judges every resource the rules target, reporting each failed rule under its control. */
export function judgeRules(
    rules: readonly AdmissionRule[], settings: Record<string, any>, exemptions: readonly Exemption[],
    resources: readonly PolicyResource[], report: ReportViolation,
): void {
    const namespaces = namespaceObjects(resources);
    const compiled = rules.flatMap((rule) => {
        const cel = rule.cel(settings);
        return cel === undefined ? [] : [{ rule, cel, kinds: new Set(rule.targets.map((t) => `${t.group}/${t.kind}`)) }];
    });
    for (const resource of resources) {
        const t = kubeType(resource.type);
        // Patches are judged by the API server on the merged object, which the pack cannot see.
        if (!t || t.patch) continue;
        const key = `${t.group}/${t.kind}`;
        const matching = compiled.filter((c) => c.kinds.has(key));
        if (matching.length === 0) continue;
        const ref = refOf(resource);
        const namespace = ref.namespace ?? (t.kind === "Namespace" ? undefined : "default");
        const namespaceObject = namespace === undefined ? null : namespaces.get(namespace) ?? bareNamespace(namespace);
        const object = wireObject(resource.type, resource.props);
        const reportObject = reporterFor(report, namespace === undefined ? ref : { ...ref, namespace }, exemptions, resource.urn);
        for (const { rule, cel } of matching) {
            const verdict = evaluateValidation(cel, object, namespaceObject);
            if (!verdict.valid) reportObject(rule.control, verdict.message);
        }
    }
}

const celTexts = (cel: RuleCel): string[] => [...cel.variables.map((v) => v.expression), cel.expression, cel.messageExpression];

/**
 * Each rule's CEL by the settings it was made from (their JSON): the SDK hands a resource policy a
 * fresh copy of its config for every resource, and the image rules' text is tens of kilobytes.
 */
const compiledFor = new Map<string, Map<AdmissionRule, RuleCel | undefined>>();

function celOf(rule: AdmissionRule, settings: Record<string, any>): RuleCel | undefined {
    const key = JSON.stringify(settings);
    let byRule = compiledFor.get(key);
    if (!byRule) {
        // A few configs per run (one per stack); drop them all if a long-lived process sees many.
        if (compiledFor.size >= 64) compiledFor.clear();
        compiledFor.set(key, byRule = new Map());
    }
    let cel = byRule.get(rule);
    if (!byRule.has(rule)) {
        cel = rule.cel(settings);
        // A resource policy sees one object: it has no Namespace object to pass, so its rules may not read one.
        if (cel !== undefined && celTexts(cel).some((e) => e.includes("namespaceObject"))) {
            throw new Error(`${rule.policy}/${rule.control} reads namespaceObject, which a resource policy cannot give it; judge it in a stack policy`);
        }
        byRule.set(rule, cel);
    }
    return cel;
}

/** The rules that target the type's kind (a patch's: the kind it patches). */
export function rulesFor(rules: readonly AdmissionRule[], type: string): AdmissionRule[] {
    const t = kubeType(type);
    return t === undefined ? [] : rules.filter((r) => r.targets.some((target) => target.group === t.group && target.kind === t.kind));
}

/**
 * A resource policy's side of its admission rules: the object alone, judged by each rule whose
 * targets include its kind. A namespaced object without a namespace gets the provider's default,
 * as the API server fills in the request's. A patch (ServicePatch) is judged on the fields it sets,
 * as the policy judged it before its rules were CEL, by the rules that do not fail on unset fields.
 */
export function judgeResource(
    rules: readonly AdmissionRule[], settings: Record<string, any>, exemptions: readonly Exemption[],
    args: ResourceValidationArgs, report: ReportViolation,
): void {
    const matching = rulesFor(rules, args.type);
    if (matching.length === 0) return;
    const t = kubeType(args.type)!;
    const clusterScoped = matching[0].targets.some((target) => target.group === t.group && target.kind === t.kind && target.clusterScoped === true);
    const ref = clusterScoped ? argsRef(args) : withDefaultNamespace(argsRef(args));
    let object = wireObject(args.type, args.props);
    if (!clusterScoped && !(typeof object.metadata?.namespace === "string" && object.metadata.namespace !== "")) {
        object = { ...object, metadata: { ...object.metadata, namespace: ref.namespace } };
    }
    const reportObject = reporterFor(report, ref, exemptions);
    for (const rule of matching) {
        const cel = celOf(rule, settings);
        if (cel === undefined || (t.patch && rule.judgesUnsetFields)) continue;
        const verdict = evaluateValidation(cel, object, null);
        if (!verdict.valid) reportObject(rule.control, verdict.message);
    }
}
