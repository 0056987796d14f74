// Everything the mesh does for one service, grouped under one node: routing (DestinationRule,
// VirtualServices with the delivery weights) and authorization. Each object waits for the Istio
// CRDs. The service's pods keep the mesh's mTLS mode on every port, the metrics port included.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MeshIntegration } from "./args";
import { DEFAULT_CLUSTER_DOMAIN, serviceHost } from "../shared/clusterDomain";
import { authorizationPolicySpec, serviceAccountPrincipal } from "./authorization";
import { deliveryTracks } from "./delivery/tracks";
import { acceptedPeer, teamNamespaceOf } from "./crossTeamHalves";
import { calleeAuthorizationSpec, crossTeamObjectName } from "./crossTeamPolicies";
import { gatewayAuthorizationSpec } from "./edge/gatewayAuthorization";
import { serviceEntryName, serviceEntrySpecs } from "./external";
import { destinationRuleSpec, routeSubsets } from "./routing/destinationRule";
import { httpRoutes, routePlan } from "./routing/httpRoutes";
import { gatewayVirtualServiceSpec, meshVirtualServiceSpec, routingObjectNames } from "./routing/virtualService";
import { ResolvedMicroservice } from "./resolve";

/** On a gateway VirtualService whose routes need a token: the policy pack checks a gateway policy enforces it. */
export const REQUIRE_JWT_ANNOTATION = "platform.example.com/require-jwt";

const SERVICE_HTTP_PORT = 80;

/** The namespace of a "<namespace>/<name>" Gateway reference. */
const gatewayNamespaceOf = (ref: string) => ref.split("/")[0];

export interface MeshPolicyArgs {
    service: ResolvedMicroservice;
    /** The service's mesh integration (service.mesh, which must be set). */
    mesh: MeshIntegration;
    labels: Record<string, string>;
    /** Pod labels selecting every track of the service. */
    selector: Record<string, string>;
}

export class MeshPolicy extends pulumi.ComponentResource {
    public readonly host: pulumi.Output<string>;

    constructor(name: string, args: MeshPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workloads:MeshPolicy", name, {}, opts);
        const { service, mesh } = args;
        const crd = { parent: this, dependsOn: [mesh.crdDependency, mesh.controlPlane].filter((r): r is pulumi.Resource => r !== undefined) };
        const namespace = pulumi.output(service.namespace);
        const meta = (objectName: string, annotations?: Record<string, string>) =>
            ({ name: objectName, namespace: service.namespace, labels: args.labels, ...(annotations ? { annotations } : {}) });
        const istio = (type: string, resourceName: string, objectName: string, apiVersion: string, specOutput: pulumi.Input<object>,
            annotations?: Record<string, string>) =>
            new k8s.apiextensions.CustomResource(resourceName, { apiVersion, kind: type, metadata: meta(objectName, annotations), spec: specOutput }, crd);

        this.host = namespace.apply((ns) => serviceHost(service.name, ns, service.clusterDomain));
        const subsets = routeSubsets(service.delivery, deliveryTracks(service));
        const names = routingObjectNames(service.name, service.public);
        // The mesh exports routing objects to their own namespace only; a public service's are also
        // the ingress gateway's, which routes to its subsets.
        const gatewayNamespace = pulumi.output(mesh.gatewayRef).apply(gatewayNamespaceOf);
        const exportTo = service.public ? gatewayNamespace.apply((ns) => [".", ns]) : undefined;
        istio("DestinationRule", name, names.destinationRule, "networking.istio.io/v1",
            pulumi.all([this.host, exportTo]).apply(([host, visibleTo]) => destinationRuleSpec(host, subsets, service.traffic, visibleTo)));

        const routes = this.host.apply((host) =>
            httpRoutes(routePlan(service.delivery), host, SERVICE_HTTP_PORT, service.traffic, service.faultInjection));
        istio("VirtualService", name, names.meshVirtualService, "networking.istio.io/v1",
            pulumi.all([this.host, routes]).apply(([host, httpRouteList]) => meshVirtualServiceSpec(host, httpRouteList)));
        if (service.public) {
            const edge = service.edge;
            istio("VirtualService", `${name}-public`, names.gatewayVirtualService!, "networking.istio.io/v1",
                pulumi.all([mesh.gatewayRef, routes, exportTo]).apply(([gatewayRef, httpRouteList, visibleTo]) =>
                    gatewayVirtualServiceSpec(gatewayRef, mesh.gatewayHosts, httpRouteList, edge?.paths, visibleTo)),
                edge?.requireJwt ? { [REQUIRE_JWT_ANNOTATION]: "true" } : undefined);
            if (edge?.requireJwt && mesh.gatewayWorkloadSelector) {
                // Lives with the gateway: a policy in the service's namespace would never see edge traffic.
                new k8s.apiextensions.CustomResource(`${name}-require-jwt`, {
                    apiVersion: "security.istio.io/v1",
                    kind: "AuthorizationPolicy",
                    metadata: { name: pulumi.interpolate`${namespace}-${service.name}-require-jwt`, namespace: gatewayNamespace, labels: args.labels },
                    spec: gatewayAuthorizationSpec(mesh.gatewayWorkloadSelector, mesh.gatewayHosts, edge),
                }, crd);
            }
        }

        const scraper = service.monitoring?.mtlsScrape?.prometheus;
        const policy = pulumi.all([
            namespace, mesh.trustDomain ?? service.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN, mesh.ingressGatewayPrincipal,
            scraper?.namespace, scraper?.serviceAccount,
        ]).apply(([ns, trustDomain, gateway, scraperNamespace, scraperAccount]) =>
            authorizationPolicySpec({
                selector: args.selector,
                // Every Microservice runs as a ServiceAccount named after it.
                principals: service.callers.map((caller) => serviceAccountPrincipal(trustDomain, ns, caller)),
                gateway: service.public
                    ? { principal: gateway, requireJwt: service.edge?.requireJwt ?? false, claims: service.edge?.claims ?? {} }
                    : undefined,
                httpPort: service.ports.http,
                // Prometheus scrapes the metrics port only when the platform runs it.
                scrapedPort: service.monitoring ? service.ports.metrics : undefined,
                scraperPrincipal: scraperNamespace && scraperAccount
                    ? serviceAccountPrincipal(trustDomain, scraperNamespace, scraperAccount)
                    : undefined,
            }));
        const authorization = istio("AuthorizationPolicy", name, service.name, "security.istio.io/v1", policy);
        // The callee's half of the calls between teams it accepts (./crossTeamHalves), after the
        // service's own policy: it only widens what that one admits.
        if (service.accepts.length > 0) {
            const namespaceOf = teamNamespaceOf(service);
            new k8s.apiextensions.CustomResource(`${name}-accepts`, {
                apiVersion: "security.istio.io/v1",
                kind: "AuthorizationPolicy",
                metadata: meta(crossTeamObjectName("accepts-", service.name)),
                spec: pulumi.output(mesh.trustDomain ?? service.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN)
                    .apply((trustDomain) => calleeAuthorizationSpec(service.name, service.accepts.map(acceptedPeer), trustDomain, namespaceOf)),
            }, { ...crd, dependsOn: [...crd.dependsOn, authorization] });
        }

        // The hosts outside the cluster it calls: known to the mesh in this namespace only.
        for (const entry of serviceEntrySpecs(service.external ?? [])) {
            const entryName = serviceEntryName(service.name, entry.host);
            istio("ServiceEntry", `${name}-${entryName}`, entryName, "networking.istio.io/v1", entry.spec);
        }
        this.registerOutputs({ host: this.host });
    }
}
