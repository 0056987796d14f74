// `mesh-mtls`: PeerAuthentication never below the stack's mode (UNSET at the mesh root counts as
// PERMISSIVE); DestinationRules never turn client mTLS off (DISABLE) or down to one-way TLS
// (SIMPLE) for hosts inside the mesh; no AuthorizationPolicy allows every request.
// Each rule is CEL (rules/), judged here per object at `pulumi up` and by the API server at
// admission from the same text (policy/admission); the stack's settings are literals in the CEL.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { judgeResource, rulesFor } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { notApplicable } from "../lib/notApplicable";
import { MESH_MTLS } from "./admissionRules";
import { MeshMtlsSettings } from "./modes";

export const meshMtls: ResourceValidationPolicy = {
    name: "mesh-mtls",
    description: "Mesh mTLS is never weakened below the stack's mode, through PeerAuthentication (UNSET at the mesh root included) " +
        "or DestinationRule, and no AuthorizationPolicy allows every request.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: MESH_MTLS.spec.schema,
    validateResource: (args, report) => {
        if (rulesFor(MESH_MTLS.rules, args.type).length === 0) return notApplicable(args, "not a PeerAuthentication, DestinationRule or AuthorizationPolicy");
        const config = readConfig<WithExemptions & MeshMtlsSettings>(args, MESH_MTLS.spec);
        judgeResource(MESH_MTLS.rules, config, config.exemptions, args, report);
    },
};
