// The team's services: what it runs, as Microservice arguments built from the platform's settings
// (namespace, defaults, limits, mesh, monitoring, tracing, the teams' namespaces) and this stack's
// config. One service, podinfo as `reports`, which accepts a call from the shop team's frontend; a
// team with more returns more entries.
import * as pulumi from "@pulumi/pulumi";
import type { ServiceSettings } from "@reference-platform/consumer";
import type { MicroserviceArgs } from "@reference-platform/consumer/microservice";
import type { TeamServiceConfig } from "./config";

/** Resource name -> arguments, as `new Microservice(name, args)` takes them. */
export type TeamServices = Record<string, MicroserviceArgs>;

export function teamServices(settings: ServiceSettings, config: TeamServiceConfig): TeamServices {
    return {
        reports: {
            namespace: settings.namespace,
            team: settings.team,
            environment: pulumi.getStack(),
            partOf: "reports",
            component: "backend",
            image: config.image,
            ports: { http: 9898, metrics: 9797 },
            command: ["./podinfo"],
            args: ["--port=9898", "--port-metrics=9797", "--level=info", "--data-path=/data"],
            writablePaths: ["/data", "/tmp"],
            ...(config.replicas !== undefined ? { replicas: config.replicas } : {}),
            ...(config.resources ? { resources: config.resources } : {}),
            ...(config.delivery ? { delivery: config.delivery } : {}),
            ...(config.env ? { env: config.env } : {}),
            ...(config.secretEnv ? { secretEnv: config.secretEnv } : {}),
            defaults: settings.defaults,
            namespaceLimits: settings.namespaceLimits,
            platformNamespaces: settings.platformNamespaces,
            mesh: settings.mesh,
            monitoring: settings.monitoring,
            tracing: settings.tracing,
            // A call between teams needs both: this program's half (shop's frontend may call reports:
            // a NetworkPolicy and, with the mesh, an AuthorizationPolicy "accepts-reports" in this
            // namespace), and the shop's (its frontend declaring `calls: ["data/reports"]`). Until the
            // shop declares it, nothing flows. The teams' namespaces come from the platform stack.
            teamNamespaces: settings.teamNamespaces,
            accepts: ["shop/frontend"],
        },
    };
}
