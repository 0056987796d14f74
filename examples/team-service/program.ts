// The team program: read this stack's config, then the platform stack it names, derive the
// services' settings from it, check every service, and only then register anything. An unknown
// team, a missing add-on or any service's mistake stops the program with one message.
import * as k8s from "@pulumi/kubernetes";
import { PlatformReference, serviceSettings, ServiceSettings } from "@reference-platform/consumer";
import { checkMicroservices, Microservice } from "@reference-platform/consumer/microservice";
import { loadTeamServiceConfig, TeamServiceConfig } from "./config";
import { TeamServices } from "./services";

/** The program (an async function, as Pulumi runs one) deploying what `services` returns. */
export function teamProgram(services: (settings: ServiceSettings, config: TeamServiceConfig) => TeamServices) {
    const config = loadTeamServiceConfig();
    const platform = new PlatformReference("platform", { stack: config.platformStack, allowOtherEnvironment: config.allowOtherEnvironment });

    // Nothing is registered until the platform's contract is read and every service is checked
    // (a rejected stack output would be reported once per output, each prefixed "error serializing property").
    return async () => {
        const stack = await platform.resolve();
        const settings = serviceSettings(stack, { team: config.team, uses: config.uses });
        const definitions = services(settings, config);
        checkMicroservices(definitions);
        const provider = new k8s.Provider("team-k8s", {});
        const [first] = Object.entries(definitions).map(([name, args]) => new Microservice(name, args, { providers: { kubernetes: provider } }));
        return {
            url: first.url,
            /** How the platform's Prometheus scrapes this team's services (https with its identity under STRICT mTLS). */
            scrape: settings.scrape,
            platformContractVersion: platform.contractVersion,
        };
    };
}
