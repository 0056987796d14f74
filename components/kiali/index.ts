// The mesh console: the kiali-server chart in the mesh's root namespace. It reads the service
// graph, traffic and error rates from Prometheus, traces from Jaeger's query service, links to
// Grafana, and discovers each revision's istiod in the root namespace. Kiali runs outside the
// mesh (no sidecar): Prometheus's certificate-only sidecar captures no inbound traffic and the
// tracing and monitoring namespaces are not injected, so every backend answers plain HTTP on
// its Service, and Kiali never scrapes a workload itself (Prometheus does, with its mTLS identity).
// Auth: anonymous only in dev, where the console is reached through a port-forward on a laptop;
// elsewhere "token": users sign in with their own Kubernetes token and Kiali acts with their RBAC,
// with no OpenID client to register. Anonymous or view-only, the chart's ClusterRole is read-only.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ChartSource } from "../shared/helmChart";
import { KialiSettings } from "./settings";
import { ChartValues, installChart } from "../shared/helmChart";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { KialiBackends, KialiMesh, kialiValues } from "./chartValues";
import { kialiUrl, SIGNING_KEY_LENGTH, SIGNING_KEY_SECRET } from "./names";

export { KialiBackends, KialiMesh } from "./chartValues";
export { KIALI_FULLNAME, kialiUrl } from "./names";

export interface KialiArgs {
    env: string;
    settings: KialiSettings;
    /** The mesh's root namespace, as created by the Tenancy component. */
    namespace: pulumi.Input<string>;
    chart: ChartSource;
    chartValues?: ChartValues;
    backends: KialiBackends;
    mesh: KialiMesh;
    /** What Kiali needs to be running first: the Istio CRDs and istiod. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

export class Kiali extends pulumi.ComponentResource {
    /** In-cluster URL of the console (reach it with kubectl port-forward). */
    public readonly url: pulumi.Output<string>;
    public readonly chart: k8s.helm.v4.Chart;

    constructor(name: string, args: KialiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:kiali:Kiali", name, {}, opts);
        const child = { parent: this };
        const labels = recommendedLabels({ name: "kiali", instance: name, component: "mesh-console", env: args.env });

        // The chart would otherwise generate a key per render and write it into its ConfigMap.
        const signingKey = new random.RandomPassword(`${name}-signing-key`, { length: SIGNING_KEY_LENGTH, special: false }, child);
        const secret = new k8s.core.v1.Secret(`${name}-signing-key`, {
            metadata: { name: SIGNING_KEY_SECRET.name, namespace: args.namespace, labels },
            type: "Opaque",
            stringData: { [SIGNING_KEY_SECRET.key]: signingKey.result },
        }, { ...child, additionalSecretOutputs: ["data", "stringData"] });

        this.chart = installChart(name, {
            source: args.chart,
            namespace: args.namespace,
            values: kialiValues(args.settings, args.backends, args.mesh),
            userValues: args.chartValues,
        }, { ...child, dependsOn: [secret, ...(args.dependsOn ?? [])] });

        this.url = pulumi.output(args.namespace).apply(kialiUrl);
        this.registerOutputs({ url: this.url });
    }
}
