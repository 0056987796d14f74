// The one way a service is deployed: a least-privilege ServiceAccount, config and secrets, a
// restricted Deployment, a Service, autoscaling, a disruption budget and a NetworkPolicy.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { recommendedLabels } from "../shared/labels";
import { MicroserviceArgs } from "./args";
import { serviceNetworkPolicySpec } from "./networkPolicy";
import { buildPodTemplate } from "./podSpec";
import { MicroserviceSpec, resolveMicroserviceSpec } from "./spec";

export { MicroserviceArgs, HttpProbe } from "./args";
export { MicroserviceError } from "./spec";

export class Microservice extends pulumi.ComponentResource {
    public readonly serviceName: string;
    public readonly namespace: pulumi.Output<string>;
    public readonly serviceAccountName: pulumi.Output<string>;
    /** In-cluster URL of the service's http port. */
    public readonly url: pulumi.Output<string>;
    public readonly deployment: k8s.apps.v1.Deployment;
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

        const configMap = args.env && Object.keys(args.env).length > 0
            ? new k8s.core.v1.ConfigMap(name, { metadata: meta, data: args.env }, child)
            : undefined;
        const secret = args.secretEnv && Object.keys(args.secretEnv).length > 0
            ? new k8s.core.v1.Secret(name, {
                metadata: meta,
                type: "Opaque",
                stringData: pulumi.secret(args.secretEnv as Record<string, pulumi.Input<string>>),
            }, { ...child, additionalSecretOutputs: ["data", "stringData"] })
            : undefined;

        const podLabels = { ...labels, ...selector, app: spec.name, version: spec.imageVersion };
        const autoscaled = spec.autoscaling.enabled;
        this.deployment = new k8s.apps.v1.Deployment(name, {
            metadata: meta,
            spec: {
                // While autoscaling is on the HPA owns the replica count; setting it here would fight it.
                replicas: autoscaled ? undefined : spec.replicas,
                selector: { matchLabels: selector },
                strategy: { type: "RollingUpdate", rollingUpdate: { ...args.defaults.rollingUpdate } },
                template: buildPodTemplate({
                    args, spec, image: args.image, labels: podLabels,
                    serviceAccountName: account.metadata.name,
                    configMapName: configMap?.metadata.name,
                    secretName: secret?.metadata.name,
                }),
            },
        }, child);

        const servicePorts = [{ name: "http", port: 80, targetPort: "http", protocol: "TCP", appProtocol: "http" }];
        if (args.ports.metrics !== undefined) {
            servicePorts.push({ name: "metrics", port: args.ports.metrics, targetPort: "metrics", protocol: "TCP", appProtocol: "http" });
        }
        this.service = new k8s.core.v1.Service(name, {
            metadata: meta,
            spec: { type: "ClusterIP", selector, ports: servicePorts },
        }, child);
        this.url = pulumi.interpolate`http://${spec.name}.${this.namespace}.svc.cluster.local`;

        if (autoscaled) {
            new k8s.autoscaling.v2.HorizontalPodAutoscaler(name, {
                metadata: meta,
                spec: {
                    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: this.deployment.metadata.name },
                    minReplicas: spec.autoscaling.minReplicas,
                    maxReplicas: spec.autoscaling.maxReplicas,
                    metrics: [
                        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: spec.autoscaling.targetCpuUtilizationPercent } } },
                        { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: spec.autoscaling.targetMemoryUtilizationPercent } } },
                    ],
                },
            }, child);
        }

        if (spec.disruptionBudget.enabled) {
            new k8s.policy.v1.PodDisruptionBudget(name, {
                metadata: meta,
                spec: { maxUnavailable: spec.disruptionBudget.maxUnavailable, selector: { matchLabels: selector } },
            }, child);
        }

        new k8s.networking.v1.NetworkPolicy(name, {
            metadata: meta,
            spec: serviceNetworkPolicySpec(spec.name, args, spec.callers),
        }, child);

        this.registerOutputs({
            serviceName: this.serviceName,
            namespace: this.namespace,
            serviceAccountName: this.serviceAccountName,
            url: this.url,
        });
    }
}
