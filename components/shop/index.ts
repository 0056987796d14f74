// A sample shop of podinfo services that exercises every platform capability: probes,
// autoscaling, disruption budgets, network policies, metrics, traces and JSON logs.
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { WorkloadDefaults } from "../../infra/config/types";
import { Microservice } from "../microservice";
import { callersOf, SHOP_SERVICES } from "./topology";

export { SHOP_SERVICES, callersOf } from "./topology";

/** podinfo's listening ports. */
export const PODINFO_PORTS = { http: 9898, metrics: 9797 };

export interface ShopArgs {
    namespace: pulumi.Input<string>;
    team: string;
    environment: string;
    image: string;
    defaults: WorkloadDefaults;
    platformNamespaces: { ingressGateway: string; monitoring: string };
    /** OTLP gRPC endpoint (host:port) of the tracing collector, when tracing is on. */
    otlpGrpcEndpoint?: string;
}

export class Shop extends pulumi.ComponentResource {
    public readonly services: Record<string, Microservice> = {};
    /** In-cluster URL of the public entry point. */
    public readonly frontendUrl: pulumi.Output<string>;

    constructor(name: string, args: ShopArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:shop:Shop", name, {}, opts);
        for (const def of SHOP_SERVICES) {
            const backendFlags = def.calls.map((callee) => `--backend-url=http://${callee}/echo`);
            const secretEnv: Record<string, pulumi.Input<string>> = {};
            for (const key of def.secretKeys) {
                secretEnv[key] = new random.RandomPassword(`${name}-${def.name}-${key.toLowerCase().replace(/_/g, "-")}`, {
                    length: 32,
                    special: false,
                }, { parent: this }).result;
            }
            const env: Record<string, string> = { PODINFO_UI_MESSAGE: `${def.name} (${args.environment})` };
            if (args.otlpGrpcEndpoint) {
                env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://${args.otlpGrpcEndpoint}`;
                env.OTEL_SERVICE_NAME = def.name;
            }
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
                    "--level=info",
                    "--data-path=/data",
                    ...(args.otlpGrpcEndpoint ? [`--otel-service-name=${def.name}`] : []),
                    ...backendFlags,
                ],
                env,
                secretEnv,
                callers: callersOf(def.name),
                public: def.public,
                writablePaths: ["/data", "/tmp"],
                defaults: args.defaults,
                platformNamespaces: args.platformNamespaces,
            }, { parent: this });
        }
        this.frontendUrl = this.services.frontend.url;
        this.registerOutputs({ frontendUrl: this.frontendUrl });
    }
}
