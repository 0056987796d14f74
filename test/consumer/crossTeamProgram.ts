// A team program per service, in one stack: each service of CROSS_TEAM_CASE (JSON: team, name,
// calls, accepts, uses) deployed through the consumer package's Microservice with the settings
// serviceSettings derives for its team from the platform stack. Run under mocks by
// test/consumer/crossTeam.test.ts with the example's project and stack config (team-service:*).
import * as pulumi from "@pulumi/pulumi";
import { PlatformReference, serviceSettings } from "@reference-platform/consumer";
import { checkMicroservices, Microservice, MicroserviceArgs } from "@reference-platform/consumer/microservice";
import { CROSS_TEAM_CASE_ENV, CrossTeamCaseService } from "./crossTeamCase";

const services = JSON.parse(process.env[CROSS_TEAM_CASE_ENV] ?? "[]") as CrossTeamCaseService[];
const config = new pulumi.Config("team-service");
const platform = new PlatformReference("platform", { stack: config.require("platformStack") });

export = async () => {
    const stack = await platform.resolve();
    const definitions: Record<string, MicroserviceArgs> = {};
    for (const s of services) {
        const settings = serviceSettings(stack, { team: s.team, uses: s.uses });
        definitions[s.name] = {
            namespace: settings.namespace, team: settings.team, environment: pulumi.getStack(),
            image: config.require("image"), ports: { http: 9898, metrics: 9797 },
            defaults: settings.defaults, namespaceLimits: settings.namespaceLimits, platformNamespaces: settings.platformNamespaces,
            mesh: settings.mesh, monitoring: settings.monitoring, tracing: settings.tracing,
            ...(s.withoutTeamNamespaces ? {} : { teamNamespaces: settings.teamNamespaces }),
            ...(s.calls ? { calls: s.calls } : {}),
            ...(s.accepts ? { accepts: s.accepts } : {}),
        };
    }
    checkMicroservices(definitions);
    for (const [name, args] of Object.entries(definitions)) new Microservice(name, args);
    return {};
};
