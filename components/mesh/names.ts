// Static names. Values pin them, so references (the gateway's Service, the shared Gateway object,
// istiod's Service) can be computed as plain strings without waiting for the charts.
import { DEFAULT_CLUSTER_DOMAIN } from "@reference-platform/consumer/shared/clusterDomain";


/** The gateway chart's `name`: the Deployment, Service and ServiceAccount of the ingress gateway. */
export const GATEWAY_NAME = "istio-ingressgateway";
/** The gateway chart names the ServiceAccount after the gateway (serviceAccount.name unset). */
export const GATEWAY_SERVICE_ACCOUNT = GATEWAY_NAME;
/** The selector label the gateway chart gives the pods (`istio: <name without "istio-">`). */
export const GATEWAY_SELECTOR = { istio: GATEWAY_NAME.replace(/^istio-/, "") };
/** The second `gateway` release: the one exit for declared external TLS hosts (mesh.egressGateway). */
export const EGRESS_GATEWAY_NAME = "istio-egressgateway";
/** Its pods' selector label, as the chart gives it. */
export const EGRESS_GATEWAY_SELECTOR = { istio: EGRESS_GATEWAY_NAME.replace(/^istio-/, "") };
/** The platform's Istio Gateway on the egress gateway pods (TLS passthrough for the declared hosts). */
export const EGRESS_GATEWAY = "egress-gateway";

/** The shared Istio Gateway object application VirtualServices attach to. */
export const PUBLIC_GATEWAY = "public-gateway";

/** How a VirtualService in any namespace names the shared Gateway (`spec.gateways`). */
export function publicGatewayRef(gatewayNamespace: string): string {
    return `${gatewayNamespace}/${PUBLIC_GATEWAY}`;
}

/** The mesh-wide PeerAuthentication: named "default" in the root namespace. */
export const MESH_PEER_AUTHENTICATION = "default";
export const MESH_TELEMETRY = "mesh-default";
/** MeshConfig extension provider that exports spans over OTLP gRPC. */
export const TRACING_PROVIDER = "otel-tracing";

/** Istio's default trust domain is the cluster's DNS domain. */
export const DEFAULT_TRUST_DOMAIN = DEFAULT_CLUSTER_DOMAIN;

/** The istiod chart names its Service (and Deployment) `istiod-<revision>`. */
export function istiodServiceName(revision: string): string {
    return revision === "" ? "istiod" : `istiod-${revision}`;
}

/** The ingress gateway's SPIFFE identity, as AuthorizationPolicy `principals` name it. */
export function gatewayPrincipal(trustDomain: string, gatewayNamespace: string): string {
    return `${trustDomain}/ns/${gatewayNamespace}/sa/${GATEWAY_SERVICE_ACCOUNT}`;
}
