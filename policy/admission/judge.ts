// The pack's side of an admission rule: at preview, each object of the rule's kinds is judged by
// the rule's CEL, with the stack's Namespace object as `namespaceObject` (a Namespace the stack does
// not declare, such as `default`, is passed as the API server would see a bare one: no labels).
// Violations go through the policy's exemptions like any other control.
import { PolicyResource, ReportViolation } from "@pulumi/policy";
import { kubeType } from "../lib/kubeType";
import { reporterFor } from "../lib/report";
import { ofKind, refOf } from "../lib/stackResources";
import { Exemption } from "../lib/exemptions";
import { evaluateValidation } from "./cel";
import { AdmissionRule } from "./rule";

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
    const compiled = rules.map((rule) => ({ rule, cel: rule.cel(settings), kinds: new Set(rule.targets.map((t) => `${t.group}/${t.kind}`)) }));
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
