// Exemptions past their expiry, judged by the pack's own rule (an exemption holds through the end
// of its `expires` day, UTC) at the time the caller gives, so a check never depends on today's date.
import { isExpired } from "../../policy/lib/exemptions";
import { Exemption, PolicyConfigFile, PolicyName } from "../../infra/policyConfig";

export interface ExpiredExemption {
    policy: PolicyName;
    exemption: Exemption;
}

/** Every exemption of the file that no longer holds at `now`, in file order. */
export function expiredExemptions(file: PolicyConfigFile, now: Date): ExpiredExemption[] {
    return (Object.keys(file) as PolicyName[]).flatMap((policy) =>
        file[policy].exemptions.filter((e) => isExpired(e, now)).map((exemption) => ({ policy, exemption })));
}

/** "policy: chart/namespace/kind/name expired on <date>". */
export function describeExpired({ policy, exemption: e }: ExpiredExemption): string {
    const selector = [e.chart, e.namespace, e.kind, e.name].filter((s) => s !== undefined).join("/");
    return `${policy}: ${selector} expired on ${e.expires}`;
}
