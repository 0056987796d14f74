// A tenant-isolation rule as CEL: it judges objects only in a tenant namespace (the Namespace's
// tenant label is "true", read from `namespaceObject`, as the pack reads the stack's Namespace), and
// its message is the table's text (messages.ts) with each %s filled by a CEL string expression.
import { namespaceLabelIs, NAMESPACE_LABELS } from "../admission/namespace";
import { AdmissionRule, RuleTarget, tableMessageCel } from "../admission/rule";
import { MESSAGES, MessageName } from "./messages";

export interface TenantSettings {
    tenantLabel: string;
    gatewayNamespaces: string[];
}

interface TenantCel {
    variables?: ReadonlyArray<{ name: string; expression: string }>;
    /** True when the object passes, judged only in a tenant namespace. */
    expression: string;
    /** CEL string expressions for the text's %s, in order. */
    args?: readonly string[];
}

/** The message's CEL: "[TEN0xx] " and the text, each %s replaced by the next argument. */
function messageCel(name: MessageName, args: readonly string[]): string {
    return tableMessageCel(MESSAGES[name].code, MESSAGES[name].text, args);
}

export function tenantRule(name: MessageName, targets: readonly RuleTarget[], define: (settings: TenantSettings) => TenantCel): AdmissionRule {
    return {
        policy: "tenant-isolation",
        control: MESSAGES[name].control,
        targets,
        cel: (settings) => {
            const own = define(settings as TenantSettings);
            return {
                variables: [
                    NAMESPACE_LABELS,
                    { name: "inTenant", expression: namespaceLabelIs((settings as TenantSettings).tenantLabel, "true") },
                    ...(own.variables ?? []),
                ],
                expression: `!variables.inTenant || (${own.expression})`,
                messageExpression: messageCel(name, own.args ?? []),
            };
        },
    };
}
