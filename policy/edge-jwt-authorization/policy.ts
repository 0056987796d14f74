// `edge-jwt-authorization`: a public route marked as needing a token (the VirtualService's
// platform.example.com/require-jwt annotation) is enforced at its Gateway: a DENY
// AuthorizationPolicy on the gateway pods refuses requests without a request principal
// (notRequestPrincipals ["*"]) on every host (with and without a port) and path the route
// serves, and a RequestAuthentication on those pods validates the tokens. Without the first a
// token is optional; without the second no token is ever valid.
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { covers, describeRequirement, gatewayFinder, publicRoutes, Requirement, selectsGatewayPods } from "../lib/gatewayRoutes";
import { reporterFor } from "../lib/report";
import { byNamespace, ofKind, refOf } from "../lib/stackResources";

export const REQUIRE_JWT_ANNOTATION = "platform.example.com/require-jwt";
const SECURITY = ["security.istio.io"];

const config = configSpec("edge-jwt-authorization", ["requestAuthentication", "denyWithoutToken"], {});

/** The rules of a DENY policy that refuse requests without a verified token. */
function missingTokenRules(policy: PolicyResource): any[] {
    if (policy.props.spec?.action !== "DENY") return [];
    return (policy.props.spec?.rules ?? []).filter((rule: any) =>
        (rule.from ?? []).some((f: any) => (f.source?.notRequestPrincipals ?? []).includes("*")) && !rule.when);
}

/** What of the route a rule leaves uncovered (hosts, with and without a port, and paths). */
function uncovered(rule: any, hosts: string[], paths: Requirement[] | undefined): string[] {
    const operations: any[] = (rule.to ?? [{}]).map((t: any) => t.operation ?? {});
    const required: { what: string; host: Requirement; path?: Requirement }[] = [];
    for (const host of hosts) {
        for (const hostForm of [{ exact: host }, { prefix: `${host}:` }] as Requirement[]) {
            for (const path of paths ?? [undefined]) required.push({ what: `${describeRequirement(hostForm)}${path ? ` ${describeRequirement(path)}` : ""}`, host: hostForm, path });
        }
    }
    return required.filter((r) => !operations.some((op) =>
        covers(op.hosts, r.host) && (r.path === undefined ? op.paths === undefined : covers(op.paths, r.path))))
        .map((r) => r.what);
}

export const edgeJwtAuthorization: StackValidationPolicy = {
    name: "edge-jwt-authorization",
    description: "A public route marked require-jwt has a gateway DENY AuthorizationPolicy for requests without a valid token, and a RequestAuthentication on the gateway.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: config.schema,
    validateStack: (args, report) => {
        const { exemptions } = readConfig<WithExemptions>(args, config);
        const policies = byNamespace(ofKind(args.resources, SECURITY, "AuthorizationPolicy"));
        const authentications = byNamespace(ofKind(args.resources, SECURITY, "RequestAuthentication"));
        const findGateway = gatewayFinder(args.resources);
        for (const route of publicRoutes(args.resources)) {
            if (route.resource.props.metadata?.annotations?.[REQUIRE_JWT_ANNOTATION] !== "true") continue;
            const say = reporterFor(report, refOf(route.resource), exemptions, route.resource.urn);
            const gateway = findGateway(route.gateway);
            const onGateway = (r: PolicyResource) => selectsGatewayPods(r.props.spec?.selector?.matchLabels, gateway);
            const where = `gateway ${route.gateway.namespace}/${route.gateway.name}`;
            if (!(authentications.get(route.gateway.namespace) ?? []).some(onGateway)) {
                say("requestAuthentication", `requires a token but no RequestAuthentication in ${route.gateway.namespace} validates tokens on the ${where} pods`);
            }
            const rules = (policies.get(route.gateway.namespace) ?? []).filter(onGateway).flatMap(missingTokenRules);
            if (rules.length === 0) {
                say("denyWithoutToken", `requires a token but no DENY AuthorizationPolicy with notRequestPrincipals ["*"] in ${route.gateway.namespace} selects the ${where} pods`);
                continue;
            }
            // Every host and path must be covered by one rule or another.
            const gaps = uncovered({ to: rules.flatMap((r) => r.to ?? [{}]) }, route.hosts, route.paths);
            if (gaps.length > 0) say("denyWithoutToken", `requires a token but the ${where} policies leave open: ${gaps.join(", ")}`);
        }
    },
};
