// Checks the pod of every pod-carrying object against its namespace's level.
import { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";
import { objectRef, withDefaultNamespace } from "../lib/objectRef";
import { PodTemplate } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";
import { checkedLevel, namespaceLevel, PodSecurityConfig } from "./config";
import { evaluatePod } from "./evaluate";
import { minorOf } from "./version";

export function checkWorkload(
    args: ResourceValidationArgs, pod: PodTemplate, config: PodSecurityConfig, report: ReportViolation,
): void {
    const ref = withDefaultNamespace(objectRef(args.type, args.props, args.name));
    const nsLevel = namespaceLevel(config, ref.namespace);
    const level = checkedLevel(nsLevel);
    const findings = evaluatePod(pod, level, minorOf(config.kubernetesVersion));
    if (findings.length === 0) return;
    const reportObject = reporterFor(report, ref, config.exemptions);
    const levelNote = nsLevel === level ? level : `${level}; namespace is ${nsLevel}`;
    for (const f of findings) {
        reportObject(`${f.subject} ${f.message} [control ${f.control.id}, ${f.control.level}; checked at ${levelNote}]`);
    }
}
