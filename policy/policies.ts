// Every policy of the pack, in the order the CLI lists them.
import { Policies } from "@pulumi/policy";
import { autoscalingMetricsSource } from "./autoscaling-metrics-source/policy";
import { capacity } from "./capacity/policy";
import { containerResources } from "./container-resources/policy";
import { customResourceChartDependency } from "./custom-resource-chart-dependency/policy";
import { edgeJwtAuthorization } from "./edge-jwt-authorization/policy";
import { edgeRateLimit } from "./edge-rate-limit/policy";
import { helmChartPinned } from "./helm-chart-pinned/policy";
import { imageProvenance } from "./image-provenance/policy";
import { meshAnalysis, meshAnalysisWarnings } from "./mesh-analysis/policy";
import { meshMtls } from "./mesh-mtls/policy";
import { meshSidecar } from "./mesh-sidecar/policy";
import { podDisruptionBudget } from "./pod-disruption-budget/policy";
import { podSecurityStandards } from "./pod-security/policy";
import { rbacLeastPrivilege } from "./rbac-least-privilege/policy";
import { secretHygiene } from "./secret-hygiene/policy";
import { serviceExposure } from "./service-exposure/policy";
import { tenantIsolation } from "./tenant-isolation/policy";
import { tenantNamespaceGuardrails } from "./tenant-namespace-guardrails/policy";
import { workloadServiceAccount } from "./workload-service-account/policy";

export const policies: Policies = [
    podSecurityStandards,
    containerResources,
    rbacLeastPrivilege,
    imageProvenance,
    serviceExposure,
    meshMtls,
    helmChartPinned,
    podDisruptionBudget,
    tenantNamespaceGuardrails,
    workloadServiceAccount,
    customResourceChartDependency,
    meshAnalysis,
    meshAnalysisWarnings,
    capacity,
    edgeRateLimit,
    edgeJwtAuthorization,
    tenantIsolation,
    meshSidecar,
    secretHygiene,
    autoscalingMetricsSource,
];

export { capacity, meshAnalysis, meshAnalysisWarnings };
export {
    containerResources, customResourceChartDependency, helmChartPinned, imageProvenance, meshMtls, podDisruptionBudget,
    podSecurityStandards, rbacLeastPrivilege, serviceExposure, tenantNamespaceGuardrails, workloadServiceAccount,
    edgeRateLimit, edgeJwtAuthorization, tenantIsolation, meshSidecar, secretHygiene, autoscalingMetricsSource,
};
