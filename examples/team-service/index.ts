// An application team's program: one service in the team's platform namespace, wired to the
// mesh, monitoring and tracing the platform stack advertises through its contract.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PlatformReference, serviceSettings } from "@reference-platform/consumer";
import { Microservice } from "@reference-platform/consumer/microservice";
import { loadTeamServiceConfig } from "./config";

const config = loadTeamServiceConfig();
const platform = new PlatformReference("platform", { stack: config.platformStack });

// The program is an async function, as Pulumi runs one: nothing is registered until the platform's
// contract is read and the settings are derived from it, and an unknown team or a missing add-on
// stops the program there with one message (a rejected stack output would be reported once per
// output, each prefixed "error serializing property").
export = async () => {
    const stack = await platform.resolve();
    const settings = serviceSettings(stack, { team: config.team, uses: config.uses });
    const provider = new k8s.Provider("team-k8s", {});
    const service = new Microservice("reports", {
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
        defaults: settings.defaults,
        platformNamespaces: settings.platformNamespaces,
        mesh: settings.mesh,
        monitoring: settings.monitoring,
        tracing: settings.tracing,
    }, { providers: { kubernetes: provider } });
    return {
        url: service.url,
        /** How the platform's Prometheus scrapes this service (https with its identity under STRICT mTLS). */
        scrape: settings.scrape,
        platformContractVersion: platform.contractVersion,
    };
};
