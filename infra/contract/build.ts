// The platform's side of the contract: each area's values from its component, or nulls. The
// contract itself (schema, version) is the consumer package's, the one application teams install.
import * as pulumi from "@pulumi/pulumi";
import { CONTRACT_VERSION, PlatformContract } from "@reference-platform/consumer/contract";
import { NAMESPACES } from "../namespaces";
import type { Platform } from "../platform";

/** The contract's keys, each value still an Output (validated against the schema by the tests). */
export type ContractOutputs = {
    [A in keyof PlatformContract]: PlatformContract[A] extends object
        ? { [F in keyof PlatformContract[A]]: pulumi.Input<unknown> }
        : PlatformContract[A];
};

/** The LimitRange and ResourceQuota every team namespace gets (components/tenancy), in the contract's form. */
function teamLimits(tenancy: Platform["config"]["tenancy"]): PlatformContract["namespaces"]["teamLimits"] {
    const { containerDefaults: defaults, quota } = tenancy;
    return {
        containerDefaults: {
            requests: { ...defaults.requests },
            limits: { cpu: defaults.limits.cpu ?? null, memory: defaults.limits.memory },
        },
        quota: { requestsCpu: quota.requestsCpu, requestsMemory: quota.requestsMemory, limitsCpu: quota.limitsCpu, limitsMemory: quota.limitsMemory, pods: quota.pods },
    };
}

export function buildContract(p: Platform): ContractOutputs {
    const { mesh, monitoring, tracing, logging, gitops, kiali } = p;
    const { workloads } = p.config;
    return {
        contractVersion: CONTRACT_VERSION,
        namespaces: {
            meshControlPlane: mesh ? NAMESPACES.istioSystem : null,
            ingressGateway: mesh ? mesh.gatewayNamespace : null,
            monitoring: monitoring ? monitoring.namespace : null,
            tracing: tracing ? tracing.namespace : null,
            logging: logging ? logging.namespace : null,
            gitops: gitops ? gitops.namespace : null,
            teams: pulumi.output(p.tenancy.teamNamespaces),
            teamPodSecurityLevel: p.config.tenancy.podSecurityLevel,
            teamLimits: teamLimits(p.config.tenancy),
        },
        workloads: {
            replicas: workloads.replicas,
            resources: {
                requests: { ...workloads.resources.requests },
                // null, not absent: every stack exports the same keys.
                limits: { cpu: workloads.resources.limits.cpu ?? null, memory: workloads.resources.limits.memory },
            },
            autoscaling: { ...workloads.autoscaling },
            disruptionBudget: { ...workloads.disruptionBudget },
            rollingUpdate: { ...workloads.rollingUpdate },
        },
        mesh: {
            gatewayServiceName: mesh ? mesh.gatewayServiceName : null,
            gatewayNamespace: mesh ? mesh.gatewayNamespace : null,
            gatewayRef: mesh ? mesh.gatewayRef : null,
            revision: mesh ? mesh.revision : null,
            trustDomain: mesh ? mesh.trustDomain : null,
            mtlsMode: mesh ? mesh.mtlsMode : null,
            gatewayPrincipal: mesh ? mesh.gatewayPrincipal : null,
            kialiUrl: kiali ? kiali.url : null,
        },
        monitoring: {
            prometheusUrl: monitoring ? monitoring.prometheusUrl : null,
            alertmanagerUrl: monitoring ? monitoring.alertmanagerUrl : null,
            grafanaUrl: monitoring ? monitoring.grafanaUrl : null,
            mtlsScrape: monitoring?.scrapeCertificateFiles
                ? {
                    caFile: monitoring.scrapeCertificateFiles.ca,
                    certFile: monitoring.scrapeCertificateFiles.cert,
                    keyFile: monitoring.scrapeCertificateFiles.key,
                    prometheusNamespace: monitoring.namespace,
                    prometheusServiceAccount: monitoring.prometheusServiceAccountName,
                }
                : null,
        },
        tracing: {
            otlpGrpcEndpoint: tracing ? tracing.otlpGrpcEndpoint : null,
            otlpHttpEndpoint: tracing ? tracing.otlpHttpEndpoint : null,
            queryUrl: tracing ? tracing.queryUrl : null,
        },
        logging: {
            elasticsearchUrl: logging ? logging.elasticsearchUrl : null,
            kibanaUrl: logging ? logging.kibanaUrl : null,
            credentialsSecretName: logging ? logging.credentialsSecretName : null,
        },
        gitops: {
            namespace: gitops ? gitops.namespace : null,
            serverUrl: gitops ? gitops.serverUrl : null,
            appProjects: gitops ? pulumi.output(gitops.appProjects) : null,
        },
    };
}
