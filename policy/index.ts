import { PolicyPack } from "@pulumi/policy";
import { shareDeserialization } from "./lib/sharedDeserialization";
import { policies } from "./policies";

shareDeserialization();

new PolicyPack("platform-guardrails", {
    description: "Guardrails of the platform: Pod Security Standards, container resources, RBAC, images, " +
        "service exposure, mesh mTLS, chart pinning, disruption budgets and tenant isolation.",
    enforcementLevel: "advisory",
    policies,
});
