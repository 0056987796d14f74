// Bench only: N extra services deployed through the Microservice component into a tenant
// namespace, through the platform's own provider, so the cost of the program and of `plan` can be
// measured as the number of services grows. Read from an environment variable by the harness,
// never from stack config: it is not a user knob.
import * as pulumi from "@pulumi/pulumi";
import { Microservice } from "@reference-platform/consumer/microservice";
import { PODINFO_PORTS } from "../../components/shop";
import { loadPlatformConfig } from "../../infra/config";
import { NAMESPACES } from "../../infra/namespaces";
import { SYNTHETIC_SERVICES_ENV } from "./childEnv";

export { SYNTHETIC_SERVICES_ENV };

/** The requested count (0 when unset); anything but a non-negative integer is an error. */
export function syntheticServiceCount(env: NodeJS.ProcessEnv = process.env): number {
    const raw = env[SYNTHETIC_SERVICES_ENV];
    if (raw === undefined || raw === "") return 0;
    if (!/^\d+$/.test(raw)) throw new Error(`${SYNTHETIC_SERVICES_ENV} must be a non-negative integer (got "${raw}")`);
    return Number(raw);
}

export function syntheticServiceName(index: number): string {
    return `synthetic-${String(index + 1).padStart(4, "0")}`;
}

class SyntheticServices extends pulumi.ComponentResource {
    constructor(count: number, teamNamespaces: Record<string, pulumi.Input<string>>, providerRef: string) {
        super("platform:bench:SyntheticServices", "synthetic-services", {}, {
            providers: { kubernetes: new pulumi.DependencyProviderResource(providerRef) },
        });
        const config = loadPlatformConfig();
        const team = config.tenancy.teams.find((t) => t.name !== config.shop.team) ?? config.tenancy.teams[0];
        const namespace = teamNamespaces[team.name];
        for (let i = 0; i < count; i++) {
            const serviceName = syntheticServiceName(i);
            new Microservice(serviceName, {
                serviceName,
                namespace,
                team: team.name,
                environment: config.stack,
                partOf: "synthetic",
                component: "backend",
                image: config.shop.image,
                ports: { ...PODINFO_PORTS },
                command: ["./podinfo"],
                args: [`--port=${PODINFO_PORTS.http}`, `--port-metrics=${PODINFO_PORTS.metrics}`],
                env: { PODINFO_UI_MESSAGE: serviceName },
                // Each service is called by the previous one: a chain, so NetworkPolicies vary.
                callers: i > 0 ? [syntheticServiceName(i - 1)] : [],
                writablePaths: ["/tmp"],
                defaults: config.workloads,
                platformNamespaces: { ingressGateway: NAMESPACES.ingressGateway, monitoring: NAMESPACES.monitoring },
            }, { parent: this });
        }
        this.registerOutputs({});
    }
}

/**
 * Adds `count` services after the program ran. `providerRef` is the platform provider's reference
 * (`urn::id`, as recorded on any Kubernetes object); `program` is the program's exports.
 */
export function addSyntheticServices(count: number, program: Record<string, unknown>, providerRef: string): void {
    if (count === 0) return;
    const teams = (program.namespaces as { teams?: Record<string, pulumi.Input<string>> } | undefined)?.teams;
    if (!teams) throw new Error("the program exports no namespaces.teams to place synthetic services in");
    new SyntheticServices(count, teams, providerRef);
}
