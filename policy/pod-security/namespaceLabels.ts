// The pack's idea of a namespace's level and release must agree with what admission enforces there.
import { ResourceValidationArgs, ReportViolation } from "@pulumi/policy";
import { isPatchType } from "../lib/kubeType";
import { argsRef } from "../lib/objectRef";
import { reporterFor } from "../lib/report";
import { namespaceLevel, PodSecurityConfig } from "./config";

export const ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
export const ENFORCE_VERSION_LABEL = "pod-security.kubernetes.io/enforce-version";

export function checkNamespaceLabel(args: ResourceValidationArgs, config: PodSecurityConfig, report: ReportViolation): void {
    const ref = argsRef(args);
    const labels = args.props.metadata?.labels ?? {};
    const reportObject = reporterFor(report, { ...ref, namespace: ref.name }, config.exemptions);
    // A NamespacePatch that leaves a label out keeps the live one; only what it sets is judged.
    const patch = isPatchType(args.type);
    const expected = namespaceLevel(config, ref.name);
    const actual = labels[ENFORCE_LABEL];
    if (actual === undefined) {
        if (!patch) reportObject("namespaceLabel", `has no ${ENFORCE_LABEL} label; the policy config expects "${expected}" (admission would apply the cluster default)`);
    } else if (actual !== expected) {
        reportObject("namespaceLabel", `is labelled ${ENFORCE_LABEL}=${actual} but the policy config says "${expected}"; make them agree ` +
            `(namespaceLevels in the stack's policy-config.json, or the namespace's label)`);
    }
    const expectedVersion = `v${config.kubernetesVersion}`;
    const version = labels[ENFORCE_VERSION_LABEL];
    if (version === undefined && !patch) {
        reportObject("enforceVersion", `has no ${ENFORCE_VERSION_LABEL} label, so admission judges by "latest"; set it to ` +
            `"${expectedVersion}", the release this policy judges against (kubernetesVersion)`);
    } else if (version !== undefined && version !== expectedVersion) {
        reportObject("enforceVersion", `is labelled ${ENFORCE_VERSION_LABEL}=${version}, but this policy judges against ` +
            `"${expectedVersion}" (kubernetesVersion); pin both to one release`);
    }
}
