// Which namespaces are tenants': the Namespaces the program declares with the tenant label "true".
import { PolicyResource } from "@pulumi/policy";
import { ofKind, refOf } from "./stackResources";

/** The tenant Namespace objects of the stack. */
export function tenantNamespaces(resources: readonly PolicyResource[], tenantLabel: string): PolicyResource[] {
    return ofKind(resources, [""], "Namespace").filter((ns) => ns.props.metadata?.labels?.[tenantLabel] === "true");
}

/** Their names. */
export function tenantNamespaceNames(resources: readonly PolicyResource[], tenantLabel: string): Set<string> {
    return new Set(tenantNamespaces(resources, tenantLabel).map((ns) => refOf(ns).name));
}

/** The config key both tenant policies read. */
export const TENANT_LABEL_SETTING = {
    type: "string" as const,
    default: "platform.example.com/tenant",
    description: "Label whose value \"true\" marks a tenant namespace.",
};
