// Service mesh: Istio's CRDs (base), one revisioned control plane (istiod) per installed revision
// so an upgrade can be canaried, the CNI node agent that captures pod traffic without NET_ADMIN
// init containers, the ingress gateway (the platform's only LoadBalancer Service), and the
// mesh-wide mTLS, tracing and public Gateway objects.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChartSource } from "../shared/helmChart";
import { MeshRevision, MeshSettings } from "./settings";
import { ChartValues, installChart, mergeValues } from "../shared/helmChart";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { baseValues, cniValues, egressGatewayValues, gatewayValues, istiodValues, OtlpEndpoint } from "./chartValues";
import { DEFAULT_TRUST_DOMAIN, EGRESS_GATEWAY_NAME, EGRESS_GATEWAY_SELECTOR, GATEWAY_NAME, GATEWAY_SELECTOR, gatewayPrincipal, istiodServiceName, publicGatewayRef } from "./names";
import { createEgressRouting, egressHosts, egressPorts, ExternalRoute } from "./egressGateway";
import { createMeshPeerAuthentication } from "./peerAuthentication";
import { createPublicGateway } from "./publicGateway";
import { crdVersionOf, defaultRevisionOf } from "./revisions";
import { createMeshTelemetry } from "./telemetry";
import { createEdgeSecurity } from "./edge";
import { LocalIssuer } from "./edge/localIssuer";

export { OtlpEndpoint, otlpEndpoint } from "./chartValues";
export { DEFAULT_TRUST_DOMAIN, EGRESS_GATEWAY_NAME, EGRESS_GATEWAY_SELECTOR, GATEWAY_NAME, GATEWAY_SELECTOR, gatewayPrincipal, istiodServiceName, publicGatewayRef } from "./names";
export { egressHosts, egressPorts, ExternalRoute } from "./egressGateway";
export { LocalIssuer, LOCAL_ISSUER_KEYS, LOCAL_ISSUER_SECRET } from "./edge/localIssuer";

/** Where each chart comes from; its version is that of the revision the chart follows. */
export interface MeshCharts {
    base: ChartSource;
    istiod: ChartSource;
    cni: ChartSource;
    gateway: ChartSource;
}

/** Stack values per chart (platform:chartValues.istioBase / istiod / istioCni / istioGateway). */
export interface MeshChartValues {
    base?: ChartValues;
    istiod?: ChartValues;
    cni?: ChartValues;
    gateway?: ChartValues;
}

export interface MeshArgs {
    env: string;
    settings: MeshSettings;
    /** As created by the Tenancy component (istio-cni privileged, the others restricted). */
    namespaces: {
        istioSystem: pulumi.Input<string>;
        istioCni: pulumi.Input<string>;
        ingressGateway: pulumi.Input<string>;
    };
    charts: MeshCharts;
    chartValues?: MeshChartValues;
    /** The tracing component's OTLP gRPC collector; without it the mesh exports no spans. */
    tracing?: OtlpEndpoint;
    /** The team namespace that serves the public hosts: only its VirtualServices bind them at the gateway. */
    publicRouteNamespace: pulumi.Input<string>;
    /** Team name -> its namespace: their workloads validate the edge's tokens too, so a route that needs one is enforced there. */
    tenantNamespaces: Record<string, pulumi.Input<string>>;
    /**
     * With settings.egressGateway.enabled: its namespace (restricted, meshed) and every external
     * host the platform's services declare; the TLS ones leave through the egress gateway.
     */
    egress?: { namespace: pulumi.Input<string>; routes: readonly ExternalRoute[] };
}

/** The same chart at the Istio release a revision runs (validated against ISTIO_RELEASES by the config). */
const atVersion = (source: ChartSource, version: string): ChartSource => ({ ...source, version });

/** Each revision's istiod keeps its name whichever revision is the default, so adding a canary replaces nothing. */
export const istiodChartName = (revision: string) => `istiod-${revision}`;
/** The name of the single istiod before revisions were installed side by side. */
const SINGLE_ISTIOD_CHART = "istiod";

export class Mesh extends pulumi.ComponentResource {
    /** The default revision: namespaces opt in with the label istio.io/rev=<revision>. */
    public readonly revision: pulumi.Output<string>;
    /** Every installed control plane (name and Istio version); the default is one of them. */
    public readonly revisions: pulumi.Output<MeshRevision[]>;
    public readonly trustDomain: pulumi.Output<string>;
    /** The mesh-wide PeerAuthentication mode. */
    public readonly mtlsMode: pulumi.Output<string>;
    public readonly istiodNamespace: pulumi.Output<string>;
    public readonly istiodServiceName: pulumi.Output<string>;
    public readonly gatewayNamespace: pulumi.Output<string>;
    /** The ingress gateway's LoadBalancer Service. */
    public readonly gatewayServiceName: pulumi.Output<string>;
    /** "<namespace>/<name>" of the shared Gateway, for VirtualService.spec.gateways. */
    public readonly gatewayRef: pulumi.Output<string>;
    /** The gateway's SPIFFE principal, for AuthorizationPolicies admitting traffic from the edge. */
    public readonly gatewayPrincipal: pulumi.Output<string>;
    /** Installs the Istio CRDs: every Istio custom resource depends on it. */
    public readonly crdChart: k8s.helm.v4.Chart;
    /** The default revision's istiod: validates Istio resources; depend on it to be validated. */
    public readonly controlPlane: k8s.helm.v4.Chart;
    /** Revision name -> its istiod, which injects the sidecars of namespaces labelled with it. */
    public readonly controlPlanes: Record<string, k8s.helm.v4.Chart> = {};
    /** The ingress gateway pods' labels, for policies that apply to the gateway workload. */
    public readonly gatewayWorkloadSelector: Record<string, string> = { ...GATEWAY_SELECTOR };
    /** The issuers whose tokens the gateway accepts (mesh.edgeAuth, plus dev's local issuer). */
    public readonly edgeIssuers: pulumi.Output<string[]>;
    /** dev's generated issuer (mesh.edgeAuth.localIssuer), whose key mints test tokens. */
    public readonly localIssuer?: LocalIssuer;
    /** The egress gateway (mesh.egressGateway.enabled): where services' declared TLS hosts leave from. */
    public readonly egressGateway?: { namespace: pulumi.Input<string>; workloadSelector: Record<string, string> };

    constructor(name: string, args: MeshArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:mesh:Mesh", name, {}, opts);
        const child = { parent: this };
        const s = args.settings;
        const userValues = args.chartValues ?? {};
        const labels = recommendedLabels({ name: "istio", instance: name, component: "service-mesh", env: args.env });
        const namespaces = { istioSystem: args.namespaces.istioSystem, istioCni: args.namespaces.istioCni };

        const defaultRevision = defaultRevisionOf(s.revisions, s.revision);

        // Cluster-wide and shared by every revision; its defaultRevision picks who validates unlabelled objects.
        this.crdChart = installChart("istio-base", {
            source: atVersion(args.charts.base, crdVersionOf(s.revisions)),
            namespace: args.namespaces.istioSystem,
            values: baseValues(s, namespaces),
            userValues: userValues.base,
        }, child);

        for (const revision of s.revisions) {
            this.controlPlanes[revision.name] = installChart(istiodChartName(revision.name), {
                source: atVersion(args.charts.istiod, revision.version),
                namespace: args.namespaces.istioSystem,
                values: istiodValues(s, revision.name, namespaces, args.tracing),
                userValues: userValues.istiod,
            }, {
                ...child,
                dependsOn: [this.crdChart],
                // Stacks deployed before revisions ran side by side have the default's istiod under the old name.
                aliases: revision.name === s.revision ? [{ name: SINGLE_ISTIOD_CHART }] : [],
            });
        }
        this.controlPlane = this.controlPlanes[defaultRevision.name];

        // Shared by every revision (within one minor version of each); follows the default revision.
        // Independent of the control plane: the agent only needs the node, and repairs pods started before it.
        installChart("istio-cni", {
            source: atVersion(args.charts.cni, defaultRevision.version),
            namespace: args.namespaces.istioCni,
            values: cniValues(),
            userValues: userValues.cni,
        }, child);

        // The gateway's proxy image is injected by istiod's webhook ("image: auto"), so istiod comes first.
        installChart(GATEWAY_NAME, {
            source: atVersion(args.charts.gateway, defaultRevision.version),
            namespace: args.namespaces.ingressGateway,
            values: gatewayValues(s),
            userValues: userValues.gateway,
        }, { ...child, dependsOn: [this.crdChart, this.controlPlane] });

        // Istio objects need the CRDs, and istiod's validation webhook (failurePolicy Fail) must be serving.
        const afterControlPlane = { ...child, dependsOn: [this.crdChart, this.controlPlane] };

        // The one exit for declared TLS hosts: a second release of the gateway chart, ClusterIP only,
        // and the platform's routing through it. The stack's istioGateway values are the ingress's.
        if (s.egressGateway.enabled) {
            if (!args.egress) throw new Error("mesh: egressGateway.enabled needs the egress gateway's namespace (args.egress)");
            installChart(EGRESS_GATEWAY_NAME, {
                source: atVersion(args.charts.gateway, defaultRevision.version),
                namespace: args.egress.namespace,
                values: egressGatewayValues(s, egressPorts(egressHosts(args.egress.routes))),
            }, afterControlPlane);
            createEgressRouting(name, { namespace: args.egress.namespace, routes: args.egress.routes, labels }, afterControlPlane);
            this.egressGateway = { namespace: args.egress.namespace, workloadSelector: { ...EGRESS_GATEWAY_SELECTOR } };
        }
        createMeshPeerAuthentication(`${name}-peer-authentication`, {
            namespace: args.namespaces.istioSystem,
            mode: s.mtlsMode,
            labels,
        }, afterControlPlane);
        if (args.tracing) {
            createMeshTelemetry(`${name}-telemetry`, {
                namespace: args.namespaces.istioSystem,
                samplingPercent: s.tracingSamplingPercent,
                labels,
            }, afterControlPlane);
        }
        const gateway = createPublicGateway(`${name}-public-gateway`, {
            namespace: args.namespaces.ingressGateway,
            hosts: s.gatewayHosts,
            routeNamespace: args.publicRouteNamespace,
            tlsSecretName: s.gatewayTlsSecretName,
            labels,
        }, afterControlPlane);

        // Edge security on the gateway pods: token validation and per-host rate limits.
        const edge = createEdgeSecurity(name, {
            settings: s,
            namespaces: { istioSystem: args.namespaces.istioSystem, ingressGateway: args.namespaces.ingressGateway },
            tenantNamespaces: args.tenantNamespaces,
            labels,
        }, child, afterControlPlane);
        this.localIssuer = edge.localIssuer;
        this.edgeIssuers = edge.issuers;

        const mergedMeshConfig = mergeValues(istiodValues(s, s.revision, namespaces, args.tracing), userValues.istiod).meshConfig;
        this.revision = pulumi.output(s.revision);
        this.revisions = pulumi.output(s.revisions.map((r) => ({ name: r.name, version: r.version })));
        this.trustDomain = pulumi.output(mergedMeshConfig?.trustDomain || DEFAULT_TRUST_DOMAIN);
        this.mtlsMode = pulumi.output(s.mtlsMode);
        this.istiodNamespace = pulumi.output(args.namespaces.istioSystem);
        this.istiodServiceName = pulumi.output(istiodServiceName(s.revision));
        this.gatewayNamespace = pulumi.output(args.namespaces.ingressGateway);
        this.gatewayServiceName = pulumi.output(GATEWAY_NAME);
        this.gatewayRef = gateway.metadata.namespace.apply(publicGatewayRef);
        this.gatewayPrincipal = pulumi.all([this.trustDomain, this.gatewayNamespace])
            .apply(([trustDomain, ns]) => gatewayPrincipal(trustDomain, ns));
        this.registerOutputs({
            revision: this.revision,
            revisions: this.revisions,
            trustDomain: this.trustDomain,
            mtlsMode: this.mtlsMode,
            istiodNamespace: this.istiodNamespace,
            istiodServiceName: this.istiodServiceName,
            gatewayNamespace: this.gatewayNamespace,
            gatewayServiceName: this.gatewayServiceName,
            gatewayRef: this.gatewayRef,
            gatewayPrincipal: this.gatewayPrincipal,
            edgeIssuers: this.edgeIssuers,
        });
    }
}
