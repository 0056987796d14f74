// A sample shop of podinfo services that exercises every platform capability: probes,
// autoscaling, disruption budgets, network policies, delivery strategies, mesh routing and
// authorization, metrics, alerts, dashboards, traces and JSON logs.
import * as pulumi from "@pulumi/pulumi";
import {
    EdgeArgs, EdgeRouteSettings, MeshIntegration, Microservice, MonitoringIntegration, ProgressiveDeliveryIntegration, RedMetricNames, RequestScalingIntegration,
    RightSizingIntegration, SecretStoreIntegration, TracingIntegration, WorkloadDefaults,
} from "@reference-platform/consumer/microservice";
import { ShopSettings } from "./settings";
import { callersOf, SHOP_SERVICES } from "./topology";

export { SHOP_SERVICES, callersOf, JWT_SHOP_SERVICES, PUBLIC_SHOP_SERVICES } from "./topology";

/** podinfo's listening ports. */
export const PODINFO_PORTS = { http: 9898, metrics: 9797 };

/** podinfo's request metrics (pkg/api/http/metrics.go): a counter by status and a latency histogram. */
export const PODINFO_RED_METRICS: RedMetricNames = {
    requestsTotal: "http_requests_total",
    statusLabel: "status",
    durationHistogram: "http_request_duration_seconds",
};

export interface ShopArgs {
    namespace: pulumi.Input<string>;
    team: string;
    environment: string;
    image: string;
    defaults: WorkloadDefaults;
    platformNamespaces: { ingressGateway: string; monitoring: string };
    /** Per-service delivery, SLO and fault injection (platform:shop.services). */
    services?: ShopSettings["services"];
    /** The add-ons the services plug into, when the platform runs them. */
    mesh?: MeshIntegration;
    monitoring?: MonitoringIntegration;
    tracing?: TracingIntegration;
    /** The platform's secret store: the services' secrets (payments' provider key) come from it. */
    secretStore?: SecretStoreIntegration;
    /** The platform's VPA recommender: every service gets a recommendation-only VPA. */
    rightSizing?: RightSizingIntegration;
    requestScaling?: RequestScalingIntegration;
    /** The platform's Argo Rollouts: a service with delivery.strategy "progressive" gets automated canaries. */
    progressiveDelivery?: ProgressiveDeliveryIntegration;
}

/** The topology's edge rules with the stack's on top: its claims replace the topology's; requireJwt false drops both. */
function edgeOf(base: EdgeArgs | undefined, stack: EdgeRouteSettings | undefined): EdgeArgs | undefined {
    if (!base && !stack) return undefined;
    const requireJwt = stack?.requireJwt ?? (stack?.claims ? true : base?.requireJwt);
    const claims = requireJwt === false ? undefined : stack?.claims ?? base?.claims;
    return { ...(base?.paths ? { paths: base.paths } : {}), requireJwt, ...(claims ? { claims } : {}) };
}

export class Shop extends pulumi.ComponentResource {
    public readonly services: Record<string, Microservice> = {};
    /** In-cluster URL of the public entry point. */
    public readonly frontendUrl: pulumi.Output<string>;

    constructor(name: string, args: ShopArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:shop:Shop", name, {}, opts);
        for (const def of SHOP_SERVICES) {
            const backendFlags = def.calls.map((callee) => `--backend-url=http://${callee}/echo`);
            const env: Record<string, string> = { PODINFO_UI_MESSAGE: `${def.name} (${args.environment})` };
            const settings = args.services?.[def.name] ?? {};
            this.services[def.name] = new Microservice(`${name}-${def.name}`, {
                serviceName: def.name,
                namespace: args.namespace,
                team: args.team,
                environment: args.environment,
                partOf: "shop",
                component: def.component,
                image: args.image,
                ports: { ...PODINFO_PORTS },
                command: ["./podinfo"],
                args: [
                    `--port=${PODINFO_PORTS.http}`,
                    `--port-metrics=${PODINFO_PORTS.metrics}`,
                    // podinfo logs JSON to stdout; Fluent Bit picks it up from the node.
                    "--level=info",
                    "--data-path=/data",
                    // podinfo exports traces only when given a service name; the endpoint comes from OTEL_* env.
                    ...(args.tracing ? [`--otel-service-name=${def.name}`] : []),
                    ...backendFlags,
                ],
                env,
                secrets: def.secrets,
                callers: callersOf(def.name),
                public: def.public,
                external: settings.external ?? def.external,
                edge: def.public ? edgeOf(def.edge, settings.edge) : undefined,
                writablePaths: ["/data", "/tmp"],
                defaults: args.defaults,
                platformNamespaces: args.platformNamespaces,
                delivery: settings.delivery,
                autoscaling: settings.autoscaling,
                slo: settings.slo,
                faultInjection: settings.faultInjection,
                redMetrics: PODINFO_RED_METRICS,
                mesh: args.mesh,
                monitoring: args.monitoring,
                tracing: args.tracing,
                secretStore: args.secretStore,
                rightSizing: args.rightSizing,
                requestScaling: args.requestScaling,
                progressiveDelivery: args.progressiveDelivery,
            }, { parent: this });
        }
        this.frontendUrl = this.services.frontend.url;
        this.registerOutputs({ frontendUrl: this.frontendUrl });
    }
}
