// The one way a service is deployed: a least-privilege ServiceAccount, config and secrets, one
// restricted Deployment per delivery track, a Service, autoscaling, disruption budgets and a
// NetworkPolicy; plus, when the platform runs them, mesh routing and authorization, metrics,
// alerts, a dashboard and trace export.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { serviceHost } from "../shared/clusterDomain";
import { recommendedLabels } from "../shared/labels";
import { MicroserviceArgs } from "./args";
import { TrackName } from "./delivery/tracks";
import { createTrackWorkloads } from "./delivery/workloads";
import { MeshPolicy } from "./meshPolicy";
import { serviceNetworkPolicySpec } from "./networkPolicy";
import { Observability } from "./observability";
import { otlpEnvironment } from "./observability/tracing";
import { createServices } from "./services";
import { ResolvedMicroservice, resolveMicroservice } from "./resolve";
import { claimServiceName } from "./checkServices";
import { splitEnvironment } from "./environment";
import { createExternalSecrets } from "./externalSecrets";
import { createCrossTeamNetworkPolicies, crossTeamAnnotations } from "./crossTeamHalves";

export * from "./args";
export * from "./settings";
export { DEFAULT_SECRET_MOUNT_PATH, PLATFORM_SECRET_STORE_REF, SECRET_ENV_ANNOTATION, SECRET_FILE_MODE, SecretStoreIntegration, ServiceSecret, secretObjectName } from "./secrets";
export { checkMicroservice, CheckedMicroservice, MicroserviceError, ResolvedMicroservice } from "./resolve";
export { checkMicroservices } from "./checkServices";
export { CANARY_HEADER, PREVIEW_HEADER } from "./delivery/headers";
export { REQUIRE_JWT_ANNOTATION } from "./meshPolicy";
export { RightSizingIntegration, VPA_API_VERSION, VPA_RECOMMENDATION_METRIC } from "./rightSizing";
export { KEDA_API_VERSION, RequestScalingIntegration, workloadRequestRate } from "./requestScaling";
export { ProgressiveDeliveryIntegration, ROLLOUTS_API_VERSION, ROLLOUT_ROUTE, ROLLOUT_SUBSETS } from "./delivery/progressive";
export { serviceAccountPrincipal } from "./authorization";
export { ExternalDependency, EXTERNAL_PROTOCOLS, serviceEntryName } from "./external";
export {
    calleeAuthorizationSpec, calleeIngressSpec, callerEgressSpec, CrossTeamPeer, crossTeamAuthorizationSpecs, crossTeamNetworkPolicySpecs,
    crossTeamObjectName, NamespaceOf,
} from "./crossTeamPolicies";

export class Microservice extends pulumi.ComponentResource {
    public readonly serviceName: string;
    public readonly namespace: pulumi.Output<string>;
    public readonly serviceAccountName: pulumi.Output<string>;
    /** In-cluster URL of the service's http port. */
    public readonly url: pulumi.Output<string>;
    /** The Deployment serving users: the stable track, or the active colour. */
    public readonly deployment: k8s.apps.v1.Deployment;
    /** Every Deployment, by delivery track (stable, canary, blue, green). */
    public readonly deployments: Partial<Record<TrackName, k8s.apps.v1.Deployment>>;
    public readonly service: k8s.core.v1.Service;
    /** The arguments as checked and completed with the workload defaults. */
    public readonly resolved: ResolvedMicroservice;

    constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
        const service = resolveMicroservice(args.serviceName ?? name, args);
        claimServiceName(service);
        super("platform:workloads:Microservice", name, {}, opts);
        this.resolved = service;
        this.serviceName = service.name;
        this.namespace = pulumi.output(service.namespace);
        const child = { parent: this };

        const selector = { "app.kubernetes.io/name": service.name, "app.kubernetes.io/instance": service.name };
        const labels = recommendedLabels({
            name: service.name, instance: service.name, version: service.imageVersion, component: service.component,
            partOf: service.partOf, team: service.team, env: service.environment,
        });
        const meta = { name: service.name, namespace: service.namespace, labels };

        const account = new k8s.core.v1.ServiceAccount(name, {
            metadata: meta,
            automountServiceAccountToken: service.automountServiceAccountToken,
        }, child);
        this.serviceAccountName = account.metadata.name;

        const env = splitEnvironment(service.env ?? {},
            service.tracing ? otlpEnvironment(service.name, service.namespace, service.environment, service.tracing.otlpGrpcEndpoint) : {},
            service.secretEnv ?? {});
        const configMap = env.plainKeys.length > 0
            ? new k8s.core.v1.ConfigMap(name, { metadata: meta, data: env.plain }, child)
            : undefined;
        const secret = env.secretKeys.length > 0
            ? new k8s.core.v1.Secret(name, {
                metadata: meta,
                type: "Opaque",
                stringData: pulumi.secret(env.secret),
            }, { ...child, additionalSecretOutputs: ["data", "stringData"] })
            : undefined;

        // The Secrets the pods mount exist before the pods: each ExternalSecret's first sync creates its Secret.
        const externalSecrets = service.secretStore ? createExternalSecrets(name, service, labels, service.secretStore, child) : [];

        this.deployments = createTrackWorkloads({
            resourceName: name, service, labels, serviceSelector: selector,
            serviceAccountName: account.metadata.name,
            configMapName: configMap?.metadata.name,
            secretName: secret?.metadata.name,
        }, { ...child, dependsOn: externalSecrets });
        const delivery = service.delivery;
        this.deployment = this.deployments[delivery.strategy === "blueGreen" ? delivery.active : "stable"]!;

        this.service = createServices({ resourceName: name, service, labels, selector }, child).service;
        this.url = this.namespace.apply((namespace) => `http://${serviceHost(service.name, namespace, service.clusterDomain)}`);

        const declarations = crossTeamAnnotations(service);
        new k8s.networking.v1.NetworkPolicy(name, {
            metadata: declarations ? { ...meta, annotations: declarations } : meta,
            spec: service.mesh?.egressGateway
                ? pulumi.output(service.mesh.egressGateway.namespace).apply((egressNamespace) => serviceNetworkPolicySpec(service, egressNamespace))
                : serviceNetworkPolicySpec(service),
        }, child);
        createCrossTeamNetworkPolicies(name, service, labels, child);

        if (service.mesh) {
            new MeshPolicy(name, { service, mesh: service.mesh, labels, selector }, child);
        }
        if (service.monitoring) {
            new Observability(name, { service, monitoring: service.monitoring, labels, serviceLabels: selector }, child);
        }

        this.registerOutputs({
            serviceName: this.serviceName,
            namespace: this.namespace,
            serviceAccountName: this.serviceAccountName,
            url: this.url,
        });
    }
}
