// The pack's idea of a namespace's level must agree with what admission enforces there.
import { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";
import { objectRef } from "../lib/objectRef";
import { reporterFor } from "../lib/report";
import { namespaceLevel, PodSecurityConfig } from "./config";

export const ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

export function checkNamespaceLabel(args: ResourceValidationArgs, config: PodSecurityConfig, report: ReportViolation): void {
    const ref = objectRef(args.type, args.props, args.name);
    const expected = namespaceLevel(config, ref.name);
    const actual = args.props.metadata?.labels?.[ENFORCE_LABEL];
    const reportObject = reporterFor(report, { ...ref, namespace: ref.name }, config.exemptions);
    if (actual === undefined) {
        reportObject(`has no ${ENFORCE_LABEL} label; the policy config expects "${expected}" (admission would apply the cluster default)`);
    } else if (actual !== expected) {
        reportObject(`is labelled ${ENFORCE_LABEL}=${actual} but the policy config says "${expected}"; make them agree ` +
            `(namespaceLevels in the stack's policy-config.json, or the namespace's label)`);
    }
}
