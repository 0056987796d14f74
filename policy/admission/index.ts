// Every admission rule of the pack, by the pack policy that owns it: what the generator turns into
// ValidatingAdmissionPolicies (generate.ts) and the pack judges at preview (judge.ts).
import { CONTAINER_RESOURCES } from "../container-resources/admissionRules";
import { IMAGE_PROVENANCE } from "../image-provenance/admissionRules";
import { MESH_MTLS } from "../mesh-mtls/admissionRules";
import { MESH_SIDECAR } from "../mesh-sidecar/admissionRules";
import { RBAC_LEAST_PRIVILEGE } from "../rbac-least-privilege/admissionRules";
import { SECRET_HYGIENE } from "../secret-hygiene/admissionRules";
import { SERVICE_EXPOSURE } from "../service-exposure/admissionRules";
import { TENANT_ISOLATION } from "../tenant-isolation/admissionRules";
import { WORKLOAD_SERVICE_ACCOUNT } from "../workload-service-account/admissionRules";
import { AdmissionRuleSet } from "./rule";

export const ADMISSION_RULE_SETS: readonly AdmissionRuleSet[] = [
    TENANT_ISOLATION, MESH_SIDECAR, WORKLOAD_SERVICE_ACCOUNT, SERVICE_EXPOSURE, CONTAINER_RESOURCES, IMAGE_PROVENANCE,
    SECRET_HYGIENE, MESH_MTLS, RBAC_LEAST_PRIVILEGE,
];

export { admissionManifests, admissionPolicyName, validationActions } from "./generate";
export type { AdmissionManifest, AdmissionPair, PolicyEntry } from "./generate";
