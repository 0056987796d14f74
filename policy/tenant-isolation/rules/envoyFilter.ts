// TEN005: no EnvoyFilter in a tenant namespace.
import { tenantRule } from "../tenantRule";

export const envoyFilter = tenantRule("EnvoyFilter", [{ group: "networking.istio.io", kind: "EnvoyFilter", resource: "envoyfilters" }],
    () => ({ expression: "false" }));
