// Service mesh: Istio's CRDs (base), a revisioned control plane (istiod), the CNI node agent that
// captures pod traffic without NET_ADMIN init containers, the ingress gateway (the platform's only
// LoadBalancer Service), and the mesh-wide mTLS, tracing and public Gateway objects.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ChartSource, MeshSettings } from "../../infra/config/types";
import { ChartValues, installChart, mergeValues } from "../shared/helmChart";
import { recommendedLabels } from "../shared/labels";
import { baseValues, cniValues, gatewayValues, istiodValues, OtlpEndpoint } from "./defaults";
import { DEFAULT_TRUST_DOMAIN, GATEWAY_NAME, gatewayPrincipal, istiodServiceName, publicGatewayRef } from "./names";
import { createMeshPeerAuthentication } from "./peerAuthentication";
import { createPublicGateway } from "./publicGateway";
import { createMeshTelemetry } from "./telemetry";

export { OtlpEndpoint, otlpEndpoint } from "./defaults";
export { DEFAULT_TRUST_DOMAIN, GATEWAY_NAME, gatewayPrincipal, publicGatewayRef } from "./names";

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
}

export class Mesh extends pulumi.ComponentResource {
    /** The control plane's revision: namespaces opt in with the label istio.io/rev=<revision>. */
    public readonly revision: pulumi.Output<string>;
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
    /** istiod: validates Istio resources and injects sidecars; depend on it to be validated or injected. */
    public readonly controlPlane: k8s.helm.v4.Chart;

    constructor(name: string, args: MeshArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:mesh:Mesh", name, {}, opts);
        const child = { parent: this };
        const s = args.settings;
        const userValues = args.chartValues ?? {};
        const labels = recommendedLabels({ name: "istio", instance: name, component: "service-mesh", env: args.env });
        const namespaces = { istioSystem: args.namespaces.istioSystem, istioCni: args.namespaces.istioCni };

        this.crdChart = installChart("istio-base", {
            source: args.charts.base,
            namespace: args.namespaces.istioSystem,
            values: baseValues(s, namespaces),
            userValues: userValues.base,
        }, child);

        const istiod = istiodValues(s, namespaces, args.tracing);
        this.controlPlane = installChart("istiod", {
            source: args.charts.istiod,
            namespace: args.namespaces.istioSystem,
            values: istiod,
            userValues: userValues.istiod,
        }, { ...child, dependsOn: [this.crdChart] });

        // Independent of the control plane: the agent only needs the node, and repairs pods started before it.
        installChart("istio-cni", {
            source: args.charts.cni,
            namespace: args.namespaces.istioCni,
            values: cniValues(),
            userValues: userValues.cni,
        }, child);

        // The gateway's proxy image is injected by istiod's webhook ("image: auto"), so istiod comes first.
        installChart(GATEWAY_NAME, {
            source: args.charts.gateway,
            namespace: args.namespaces.ingressGateway,
            values: gatewayValues(s),
            userValues: userValues.gateway,
        }, { ...child, dependsOn: [this.crdChart, this.controlPlane] });

        // Istio objects need the CRDs, and istiod's validation webhook (failurePolicy Fail) must be serving.
        const afterControlPlane = { ...child, dependsOn: [this.crdChart, this.controlPlane] };
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
            tlsSecretName: s.gatewayTlsSecretName,
            labels,
        }, afterControlPlane);

        const mergedMeshConfig = mergeValues(istiod, userValues.istiod).meshConfig;
        this.revision = pulumi.output(s.revision);
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
            trustDomain: this.trustDomain,
            mtlsMode: this.mtlsMode,
            istiodNamespace: this.istiodNamespace,
            istiodServiceName: this.istiodServiceName,
            gatewayNamespace: this.gatewayNamespace,
            gatewayServiceName: this.gatewayServiceName,
            gatewayRef: this.gatewayRef,
            gatewayPrincipal: this.gatewayPrincipal,
        });
    }
}
