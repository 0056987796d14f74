// Everything the mesh does for one service, grouped under one node: routing (DestinationRule,
// VirtualServices with the delivery weights) and authorization. Each object waits for the Istio
// CRDs. The service's pods keep the mesh's mTLS mode on every port, the metrics port included.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { FaultInjectionSettings } from "../../infra/config/types";
import { MeshIntegration } from "./args";
import { authorizationPolicySpec, DEFAULT_TRUST_DOMAIN, serviceAccountPrincipal } from "./authorization";
import { deliveryTracks } from "./delivery/tracks";
import { gatewayAuthorizationSpec } from "./edge/gatewayAuthorization";
import { destinationRuleSpec } from "./routing/destinationRule";
import { httpRoutes, routePlan } from "./routing/httpRoutes";
import { gatewayVirtualServiceSpec, meshVirtualServiceSpec } from "./routing/virtualService";
import { MicroserviceSpec } from "./spec";

/** On a gateway VirtualService whose routes need a token: the policy pack checks a gateway policy enforces it. */
export const REQUIRE_JWT_ANNOTATION = "platform.example.com/require-jwt";

/** The cluster's DNS domain, part of every service's mesh host name. */
export const CLUSTER_DOMAIN = "cluster.local";
const SERVICE_HTTP_PORT = 80;

export interface MeshPolicyArgs {
    spec: MicroserviceSpec;
    mesh: MeshIntegration;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** Pod labels selecting every track of the service. */
    selector: Record<string, string>;
    public: boolean;
    /** ServiceAccount names (same namespace) allowed to call the service. */
    callerServiceAccounts: string[];
    /** The container's http port (authorization matches the workload's port). */
    httpPort: number;
    /** The container's metrics port, when Prometheus scrapes it. */
    scrapedPort?: number;
    /** Prometheus's namespace and ServiceAccount, when it scrapes over mesh mTLS. */
    scraper?: { namespace: pulumi.Input<string>; serviceAccount: pulumi.Input<string> };
    faultInjection?: FaultInjectionSettings;
}

export class MeshPolicy extends pulumi.ComponentResource {
    public readonly host: pulumi.Output<string>;

    constructor(name: string, args: MeshPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:workloads:MeshPolicy", name, {}, opts);
        const { spec, mesh } = args;
        const crd = { parent: this, dependsOn: [mesh.crdDependency, mesh.controlPlane].filter((r): r is pulumi.Resource => r !== undefined) };
        const namespace = pulumi.output(args.namespace);
        const meta = (objectName: string, annotations?: Record<string, string>) =>
            ({ name: objectName, namespace: args.namespace, labels: args.labels, ...(annotations ? { annotations } : {}) });
        const istio = (type: string, resourceName: string, objectName: string, apiVersion: string, specOutput: pulumi.Input<object>,
            annotations?: Record<string, string>) =>
            new k8s.apiextensions.CustomResource(resourceName, { apiVersion, kind: type, metadata: meta(objectName, annotations), spec: specOutput }, crd);

        this.host = namespace.apply((ns) => `${spec.name}.${ns}.svc.${CLUSTER_DOMAIN}`);
        const tracks = deliveryTracks(spec);
        istio("DestinationRule", name, spec.name, "networking.istio.io/v1",
            this.host.apply((host) => destinationRuleSpec(host, tracks, spec.traffic)));

        const routes = this.host.apply((host) =>
            httpRoutes(routePlan(spec.delivery), host, SERVICE_HTTP_PORT, spec.traffic, args.faultInjection));
        istio("VirtualService", name, spec.name, "networking.istio.io/v1",
            pulumi.all([this.host, routes]).apply(([host, r]) => meshVirtualServiceSpec(host, r)));
        if (args.public) {
            const edge = spec.edge;
            istio("VirtualService", `${name}-public`, `${spec.name}-public`, "networking.istio.io/v1",
                pulumi.all([mesh.gatewayRef, routes]).apply(([gatewayRef, r]) => gatewayVirtualServiceSpec(gatewayRef, mesh.gatewayHosts, r, edge?.paths)),
                edge?.requireJwt ? { [REQUIRE_JWT_ANNOTATION]: "true" } : undefined);
            if (edge?.requireJwt && mesh.gatewayWorkloadSelector) {
                // Lives with the gateway: a policy in the service's namespace would never see edge traffic.
                const gatewayNamespace = pulumi.output(mesh.gatewayRef).apply((ref) => ref.split("/")[0]);
                new k8s.apiextensions.CustomResource(`${name}-require-jwt`, {
                    apiVersion: "security.istio.io/v1",
                    kind: "AuthorizationPolicy",
                    metadata: { name: pulumi.interpolate`${namespace}-${spec.name}-require-jwt`, namespace: gatewayNamespace, labels: args.labels },
                    spec: gatewayAuthorizationSpec(mesh.gatewayWorkloadSelector, mesh.gatewayHosts, edge),
                }, crd);
            }
        }

        const policy = pulumi.all([
            namespace, mesh.trustDomain ?? DEFAULT_TRUST_DOMAIN, mesh.ingressGatewayPrincipal,
            args.scraper?.namespace, args.scraper?.serviceAccount,
        ]).apply(([ns, trustDomain, gateway, scraperNamespace, scraperAccount]) =>
            authorizationPolicySpec({
                selector: args.selector,
                principals: [
                    ...args.callerServiceAccounts.map((sa) => serviceAccountPrincipal(trustDomain, ns, sa)),
                    ...(args.public ? [gateway] : []),
                ],
                httpPort: args.httpPort,
                scrapedPort: args.scrapedPort,
                scraperPrincipal: scraperNamespace && scraperAccount
                    ? serviceAccountPrincipal(trustDomain, scraperNamespace, scraperAccount)
                    : undefined,
            }));
        istio("AuthorizationPolicy", name, spec.name, "security.istio.io/v1", policy);
        this.registerOutputs({ host: this.host });
    }
}
