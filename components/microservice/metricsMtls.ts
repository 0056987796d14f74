// Prometheus runs outside the mesh, so under STRICT mutual TLS its scrapes would be refused.
// This opens only the metrics port of this service's pods to plaintext; every other port stays strict.
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";

export type PeerAuthenticationSpec = NonNullable<IPeerAuthentication["spec"]>;

export function metricsPortPeerAuthenticationSpec(selector: Record<string, string>, metricsPort: number): PeerAuthenticationSpec {
    return {
        selector: { matchLabels: { ...selector } },
        // Port of the container, not of the Service.
        portLevelMtls: { [String(metricsPort)]: { mode: "PERMISSIVE" } },
    };
}
