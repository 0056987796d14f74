// Checks the pod of every pod-carrying object against its namespace's level. A patch kind
// (DeploymentPatch) is judged on what it sets: a required field it leaves out keeps the live value.
import { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";
import { isPatchType } from "../lib/kubeType";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { PodTemplate } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";
import { checkedLevel, namespaceLevel, PodSecurityConfig } from "./config";
import { evaluatePod } from "./evaluate";
import { minorOf } from "./version";

export function checkWorkload(
    args: ResourceValidationArgs, pod: PodTemplate, config: PodSecurityConfig, report: ReportViolation,
): void {
    const ref = withDefaultNamespace(argsRef(args));
    const nsLevel = namespaceLevel(config, ref.namespace);
    const level = checkedLevel(nsLevel);
    const patch = isPatchType(args.type);
    const findings = evaluatePod(pod, level, minorOf(config.kubernetesVersion)).filter((f) => !(patch && f.unset));
    if (findings.length === 0) return;
    const reportObject = reporterFor(report, ref, config.exemptions);
    const levelNote = nsLevel === level ? level : `${level}; namespace is ${nsLevel}`;
    for (const f of findings) {
        reportObject(f.control.id, `${f.subject} ${f.message} [control ${f.control.id}, ${f.control.level}; checked at ${levelNote}]`);
    }
}
