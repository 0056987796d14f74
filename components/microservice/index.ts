// The one way a service is deployed: a least-privilege ServiceAccount, config and secrets, one
// restricted Deployment per delivery track, a Service, autoscaling, disruption budgets and a
// NetworkPolicy; plus, when the platform runs them, mesh routing and authorization, metrics,
// alerts, a dashboard and trace export.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { recommendedLabels } from "../shared/labels";
import { MicroserviceArgs } from "./args";
import { TrackName } from "./delivery/tracks";
import { createTrackWorkloads } from "./delivery/workloads";
import { MeshPolicy } from "./meshPolicy";
import { serviceNetworkPolicySpec } from "./networkPolicy";
import { Observability } from "./observability";
import { otlpEnvironment } from "./observability/tracing";
import { createServices } from "./services";
import { MicroserviceSpec, resolveMicroserviceSpec } from "./spec";

export * from "./args";
export { MicroserviceError } from "./spec";
export { CANARY_HEADER, PREVIEW_HEADER } from "./delivery/headers";
export { REQUIRE_JWT_ANNOTATION } from "./meshPolicy";

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
    public readonly spec: MicroserviceSpec;

    constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
        const spec = resolveMicroserviceSpec(args.serviceName ?? name, args);
        super("platform:workloads:Microservice", name, {}, opts);
        this.spec = spec;
        this.serviceName = spec.name;
        this.namespace = pulumi.output(args.namespace);
        const child = { parent: this };

        const selector = { "app.kubernetes.io/name": spec.name, "app.kubernetes.io/instance": spec.name };
        const labels = recommendedLabels({
            name: spec.name, instance: spec.name, version: spec.imageVersion, component: args.component,
            partOf: args.partOf, team: args.team, env: args.environment,
        });
        const meta = { name: spec.name, namespace: args.namespace, labels };

        const account = new k8s.core.v1.ServiceAccount(name, {
            metadata: meta,
            automountServiceAccountToken: args.automountServiceAccountToken ?? false,
        }, child);
        this.serviceAccountName = account.metadata.name;

        const env = {
            ...args.env,
            ...(args.tracing ? otlpEnvironment(spec.name, args.namespace, args.environment, args.tracing.otlpGrpcEndpoint) : {}),
        };
        const configMap = Object.keys(env).length > 0
            ? new k8s.core.v1.ConfigMap(name, { metadata: meta, data: env }, child)
            : undefined;
        const secret = args.secretEnv && Object.keys(args.secretEnv).length > 0
            ? new k8s.core.v1.Secret(name, {
                metadata: meta,
                type: "Opaque",
                stringData: pulumi.secret(args.secretEnv as Record<string, pulumi.Input<string>>),
            }, { ...child, additionalSecretOutputs: ["data", "stringData"] })
            : undefined;

        this.deployments = createTrackWorkloads({
            resourceName: name, args, spec, labels, serviceSelector: selector,
            serviceAccountName: account.metadata.name,
            configMapName: configMap?.metadata.name,
            secretName: secret?.metadata.name,
        }, child);
        const d = spec.delivery;
        this.deployment = this.deployments[d.strategy === "blueGreen" ? d.active : "stable"]!;

        this.service = createServices({ resourceName: name, args, spec, labels, selector }, child).service;
        this.url = pulumi.interpolate`http://${spec.name}.${this.namespace}.svc.cluster.local`;

        new k8s.networking.v1.NetworkPolicy(name, {
            metadata: meta,
            spec: serviceNetworkPolicySpec(spec.name, args, spec.callers),
        }, child);

        const scrapedPort = args.monitoring ? args.ports.metrics : undefined;
        if (args.mesh) {
            new MeshPolicy(name, {
                spec, mesh: args.mesh, namespace: args.namespace, labels, selector,
                public: args.public ?? false,
                // Every Microservice runs as a ServiceAccount named after it.
                callerServiceAccounts: spec.callers,
                httpPort: args.ports.http,
                scrapedPort,
                scraper: args.monitoring?.mtlsScrape?.prometheus,
                faultInjection: args.faultInjection,
            }, child);
        }
        if (args.monitoring) {
            new Observability(name, {
                spec, monitoring: args.monitoring, namespace: args.namespace, labels,
                serviceLabels: selector,
                metricsPortName: args.ports.metrics !== undefined ? "metrics" : undefined,
            }, child);
        }

        this.registerOutputs({
            serviceName: this.serviceName,
            namespace: this.namespace,
            serviceAccountName: this.serviceAccountName,
            url: this.url,
        });
    }
}
