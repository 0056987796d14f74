// Safe defaults a stack can opt into with the `remediate` level: a RuntimeDefault seccomp profile
// on the pod and allowPrivilegeEscalation=false on containers that leave it unset. Nothing is
// applied where an exemption waives that control, to patches, to objects below restricted, or
// where the API would reject it.
import { ResourceValidationArgs } from "@pulumi/policy";
import { plainCopy } from "../lib/plainCopy";
import { decideExemption } from "../lib/exemptions";
import { isPatchType } from "../lib/kubeType";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { podTemplateOf } from "../lib/podTemplate";
import { containersOf } from "../lib/containers";
import { checkedLevel, namespaceLevel, PodSecurityConfig } from "./config";

const mayForbidEscalation = (securityContext: Record<string, any>): boolean => {
    const added: string[] = (securityContext.capabilities?.add ?? []).map(String);
    return securityContext.privileged !== true && !added.includes("SYS_ADMIN") && !added.includes("CAP_SYS_ADMIN");
};

export function remediateWorkload(args: ResourceValidationArgs, config: PodSecurityConfig): Record<string, any> | undefined {
    const ref = withDefaultNamespace(argsRef(args));
    if (isPatchType(args.type) || checkedLevel(namespaceLevel(config, ref.namespace)) !== "restricted") return undefined;
    const waived = (control: string) => decideExemption(config.exemptions, ref, control).exempt;
    const props = plainCopy(args.props) as Record<string, any>;
    const pod = podTemplateOf(args.type, props);
    if (!pod || Object.keys(pod.spec).length === 0) return undefined;
    if (pod.spec.os?.name === "windows") return undefined;
    let changed = false;
    const containers = containersOf(pod.spec);
    const podContext = (pod.spec.securityContext = pod.spec.securityContext ?? {});
    if (!waived("seccompProfile_restricted") && podContext.seccompProfile == null && containers.some((c) => c.container.securityContext?.seccompProfile == null)) {
        podContext.seccompProfile = { type: "RuntimeDefault" };
        changed = true;
    }
    for (const { container } of containers) {
        const context = (container.securityContext = container.securityContext ?? {});
        if (!waived("allowPrivilegeEscalation") && context.allowPrivilegeEscalation == null && mayForbidEscalation(context)) {
            context.allowPrivilegeEscalation = false;
            changed = true;
        }
    }
    return changed ? props : undefined;
}
