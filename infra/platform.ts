// Composition: one validated config in, components out. Each component gets only its slice of
// the config and the explicit Kubernetes provider; independent add-ons deploy in parallel.
import * as pulumi from "@pulumi/pulumi";
import { AdmissionPolicies } from "../components/admission";
import { GitOps } from "../components/gitops";
import { Kiali } from "../components/kiali";
import { elasticsearchUrl, Logging } from "../components/logging";
import { CA_KEY as ELASTICSEARCH_CA_KEY } from "../components/logging/names";
import { Mesh, otlpEndpoint } from "../components/mesh";
import { DASHBOARD_LABEL, Monitoring } from "../components/monitoring";
import { MetricsServer } from "../components/resourceMetrics";
import { VpaRecommender } from "../components/rightSizing";
import { Keda } from "../components/requestScaling";
import { ArgoRollouts } from "../components/progressiveDelivery";
import { ExternalSecrets } from "../components/secrets";
import { SHOP_SERVICES, Shop } from "../components/shop";
import { Tenancy } from "../components/tenancy";
import { otlpGrpcEndpoint, queryUrl as jaegerQueryUrl, Tracing } from "../components/tracing";
import { admissionRulesFor } from "./admission";
import { PlatformConfig } from "./config";
import { resolveChart } from "./charts";
import { externalRoutes } from "./egress";
import { ADDRESS_BLOCKS, platformFlows } from "./flows";
import { NAMESPACES, platformNamespaceSpecs } from "./namespaces";
import { createKubernetesProvider } from "./provider";

export interface Platform {
    config: Readonly<PlatformConfig>;
    tenancy: Tenancy;
    admission: AdmissionPolicies;
    shop?: Shop;
    gitops?: GitOps;
    monitoring?: Monitoring;
    mesh?: Mesh;
    logging?: Logging;
    tracing?: Tracing;
    kiali?: Kiali;
    externalSecrets?: ExternalSecrets;
    metricsServer?: MetricsServer;
    vpaRecommender?: VpaRecommender;
    keda?: Keda;
    argoRollouts?: ArgoRollouts;
}

export function deployPlatform(config: Readonly<PlatformConfig>): Platform {
    const provider = createKubernetesProvider(config);
    const opts: pulumi.ComponentResourceOptions = { providers: { kubernetes: provider } };

    // The pack's single-object rules, enforced by the API server at the stack's levels.
    const admission = new AdmissionPolicies("admission", { rules: admissionRulesFor(config.profile) }, opts);

    const tenancy = new Tenancy("tenancy", {
        env: config.stack,
        tenancy: config.tenancy,
        mesh: config.mesh,
        platformNamespaces: platformNamespaceSpecs(config),
        protectStatefulData: config.protectStatefulData,
        ingressGatewayNamespace: NAMESPACES.ingressGateway,
        monitoringNamespace: NAMESPACES.monitoring,
        meshControlPlaneNamespace: config.mesh.enabled ? NAMESPACES.istioSystem : undefined,
        tracingNamespace: config.tracing.enabled ? NAMESPACES.tracing : undefined,
        platformTraffic: { flows: platformFlows(config), addressBlocks: ADDRESS_BLOCKS },
    }, opts);

    // The store every namespace's ExternalSecrets read through. In dev it is seeded from Pulumi
    // secrets, and what the shop reads but the seed lacks is generated.
    const externalSecrets = config.externalSecrets.enabled
        ? new ExternalSecrets("external-secrets", {
            env: config.stack,
            settings: config.externalSecrets,
            namespace: tenancy.platformNamespaces[NAMESPACES.externalSecrets],
            storeNamespace: tenancy.platformNamespaces[NAMESPACES.secretStore],
            chart: resolveChart("externalSecrets", config),
            chartValues: config.chartValues.externalSecrets,
            seed: config.secrets.secretStoreSeed,
            generate: config.shop.enabled
                ? SHOP_SERVICES.flatMap((s) => s.secrets.map((secret) => ({ key: secret.remoteKey, property: secret.property ?? secret.name })))
                : [],
        }, opts)
        : undefined;

    // The resource metrics API the HPAs read, where the cluster does not serve it itself.
    const metricsServer = config.resourceMetrics.source === "metrics-server"
        ? new MetricsServer("metrics-server", {
            settings: config.resourceMetrics,
            namespace: tenancy.platformNamespaces[NAMESPACES.metricsServer],
            chart: resolveChart("metricsServer", config),
            chartValues: config.chartValues.metricsServer,
        }, opts)
        : undefined;

    // Right-sizing advice: the recommender, whose chart brings the CRD of every service's VPA.
    const vpaRecommender = config.rightSizing.enabled
        ? new VpaRecommender("vpa", {
            settings: config.rightSizing,
            namespace: tenancy.platformNamespaces[NAMESPACES.vpa],
            chart: resolveChart("vpa", config),
            chartValues: config.chartValues.vpa,
        }, opts)
        : undefined;

    // Scaling on request rate: KEDA, whose chart brings the CRD of the services' ScaledObjects.
    const keda = config.requestScaling.enabled
        ? new Keda("keda", {
            settings: config.requestScaling,
            namespace: tenancy.platformNamespaces[NAMESPACES.keda],
            chart: resolveChart("keda", config),
            chartValues: config.chartValues.keda,
        }, opts)
        : undefined;

    const storeIntegration = externalSecrets && {
        storeRef: externalSecrets.storeRef,
        refreshInterval: externalSecrets.refreshInterval,
        dependsOn: [externalSecrets.chart, externalSecrets.store],
    };
    // The platform's own Secrets from the store where the stack says so (staging, prod).
    const platformSecrets = config.externalSecrets.enabled ? config.externalSecrets.platformSecrets : undefined;

    const gitops = config.gitops.enabled
        ? new GitOps("gitops", {
            env: config.stack,
            settings: config.gitops,
            namespace: tenancy.platformNamespaces[NAMESPACES.argocd],
            chart: resolveChart("argoCd", config),
            chartValues: config.chartValues.argoCd,
            teams: config.tenancy.teams,
            teamNamespaces: tenancy.teamNamespaces,
            teamSyncServiceAccounts: tenancy.teamSyncServiceAccounts,
            storedRepositories: storeIntegration && platformSecrets?.argocdRepositories
                ? { store: storeIntegration, repositories: platformSecrets.argocdRepositories }
                : undefined,
        }, opts)
        : undefined;

    // Logging before tracing: with Elasticsearch storage, Jaeger gets its user and the CA from it.
    const tracingUsesElasticsearch = config.tracing.enabled && config.tracing.storage === "elasticsearch";
    const logging = config.logging.enabled
        ? new Logging("logging", {
            env: config.stack,
            settings: config.logging,
            namespace: tenancy.platformNamespaces[NAMESPACES.logging],
            operatorNamespace: tenancy.platformNamespaces[NAMESPACES.eckOperator],
            fluentBitNamespace: tenancy.platformNamespaces[NAMESPACES.fluentBit],
            operatorChart: resolveChart("eckOperator", config),
            fluentBitChart: resolveChart("fluentBit", config),
            operatorChartValues: config.chartValues.eckOperator,
            fluentBitChartValues: config.chartValues.fluentBit,
            protectStatefulData: config.protectStatefulData,
            caConsumerNamespaces: {
                ...(tracingUsesElasticsearch ? { tracing: tenancy.platformNamespaces[NAMESPACES.tracing] } : {}),
                // Grafana's Elasticsearch datasource verifies the HTTP certificate against this copy.
                ...(config.monitoring.enabled ? { monitoring: tenancy.platformNamespaces[NAMESPACES.monitoring] } : {}),
            },
        }, opts)
        : undefined;

    const tracing = config.tracing.enabled
        ? new Tracing("tracing", {
            env: config.stack,
            settings: config.tracing,
            namespace: tenancy.platformNamespaces[NAMESPACES.tracing],
            chart: resolveChart("jaeger", config),
            chartValues: config.chartValues.jaeger,
            elasticsearch: logging && tracingUsesElasticsearch
                ? {
                    url: elasticsearchUrl(NAMESPACES.logging),
                    ...logging.credentialsFor("jaeger"),
                    caSecretName: logging.caSecretName,
                    indexReplicas: logging.indexReplicas,
                }
                : undefined,
        }, opts)
        : undefined;

    const egressGatewayOn = config.mesh.enabled && config.mesh.egressGateway.enabled;
    const monitoring = config.monitoring.enabled
        ? new Monitoring("monitoring", {
            env: config.stack,
            settings: config.monitoring,
            namespace: tenancy.platformNamespaces[NAMESPACES.monitoring],
            dashboardNamespaces: Object.values(tenancy.teamNamespaces),
            nodeExporterNamespace: tenancy.platformNamespaces[NAMESPACES.nodeExporter],
            chart: resolveChart("kubePrometheusStack", config),
            chartValues: config.chartValues.kubePrometheusStack,
            protectStatefulData: config.protectStatefulData,
            rightSizing: config.rightSizing.enabled,
            alertWebhookUrl: config.secrets.alertWebhookUrl,
            grafanaAdminFromStore: storeIntegration && platformSecrets?.grafanaAdmin
                ? { store: storeIntegration, remoteKey: platformSecrets.grafanaAdmin.remoteKey }
                : undefined,
            alertWebhookUrlFromStore: storeIntegration && platformSecrets?.alertmanagerReceiver
                ? { store: storeIntegration, remoteKey: platformSecrets.alertmanagerReceiver.remoteKey }
                : undefined,
            istioNamespace: config.mesh.enabled ? tenancy.platformNamespaces[NAMESPACES.istioSystem] : undefined,
            envoyNamespaces: config.mesh.enabled
                ? {
                    [NAMESPACES.ingressGateway]: tenancy.platformNamespaces[NAMESPACES.ingressGateway],
                    ...(egressGatewayOn ? { [NAMESPACES.egressGateway]: tenancy.platformNamespaces[NAMESPACES.egressGateway] } : {}),
                    ...tenancy.teamNamespaces,
                }
                : undefined,
            // STRICT mTLS refuses plaintext scrapes; PERMISSIVE ports take them (and refuse Prometheus's TLS).
            meshCertificates: config.mesh.enabled && config.mesh.mtlsMode === "STRICT" ? { revision: config.mesh.revision } : undefined,
            jaegerQueryUrl: tracing ? jaegerQueryUrl(NAMESPACES.tracing) : undefined,
            elasticsearch: logging
                ? {
                    url: elasticsearchUrl(NAMESPACES.logging),
                    ...logging.credentialsFor("grafana"),
                    indexPattern: logging.logIndexPattern,
                    caSecret: { name: logging.caSecretName, key: ELASTICSEARCH_CA_KEY },
                }
                : undefined,
        }, opts)
        : undefined;

    // Progressive delivery: Argo Rollouts, whose chart brings the CRDs of the services' Rollouts and
    // AnalysisTemplates (`argoRollouts.chart`); monitoring scrapes its controller where it runs.
    const argoRollouts = config.progressiveDelivery.enabled
        ? new ArgoRollouts("argo-rollouts", {
            env: config.stack,
            settings: config.progressiveDelivery,
            namespace: tenancy.platformNamespaces[NAMESPACES.argoRollouts],
            chart: resolveChart("argoRollouts", config),
            chartValues: config.chartValues.argoRollouts,
            monitoring: monitoring && { crdDependency: monitoring.crdChart },
        }, opts)
        : undefined;

    const mesh = config.mesh.enabled
        ? new Mesh("mesh", {
            env: config.stack,
            settings: config.mesh,
            namespaces: {
                istioSystem: tenancy.platformNamespaces[NAMESPACES.istioSystem],
                istioCni: tenancy.platformNamespaces[NAMESPACES.istioCni],
                ingressGateway: tenancy.platformNamespaces[NAMESPACES.ingressGateway],
            },
            charts: {
                base: resolveChart("istioBase", config),
                istiod: resolveChart("istiod", config),
                cni: resolveChart("istioCni", config),
                gateway: resolveChart("istioGateway", config),
            },
            chartValues: {
                base: config.chartValues.istioBase,
                istiod: config.chartValues.istiod,
                cni: config.chartValues.istioCni,
                gateway: config.chartValues.istioGateway,
            },
            tracing: config.tracing.enabled ? otlpEndpoint(otlpGrpcEndpoint(NAMESPACES.tracing)) : undefined,
            // The public hosts are the shop team's, whether or not the sample shop runs.
            publicRouteNamespace: tenancy.teamNamespaces[config.shop.team],
            tenantNamespaces: tenancy.teamNamespaces,
            egress: egressGatewayOn ? { namespace: tenancy.platformNamespaces[NAMESPACES.egressGateway], routes: externalRoutes(config) } : undefined,
        }, opts)
        : undefined;

    // The mesh console draws the traffic Prometheus scrapes: it runs where the mesh and monitoring both do.
    const defaultRevision = config.mesh.revision;
    const kiali = mesh && monitoring && config.mesh.kiali.enabled
        ? new Kiali("kiali", {
            env: config.stack,
            settings: config.mesh.kiali,
            namespace: tenancy.platformNamespaces[NAMESPACES.istioSystem],
            chart: resolveChart("kiali", config),
            chartValues: config.chartValues.kiali,
            backends: {
                prometheusUrl: monitoring.prometheusUrl,
                grafanaUrl: monitoring.grafanaUrl,
                tracingQueryUrl: tracing?.queryUrl,
            },
            mesh: {
                rootNamespace: NAMESPACES.istioSystem,
                revision: defaultRevision,
                canaryRevision: config.mesh.revisions.find((r) => r.name !== defaultRevision)?.name,
            },
            dependsOn: [mesh.crdChart, mesh.controlPlane],
        }, opts)
        : undefined;

    // Tenant namespaces deny mesh traffic by default; each service's policy opens what it needs.
    if (mesh) tenancy.denyMeshTrafficByDefault([mesh.crdChart, mesh.controlPlane], mesh.trustDomain);

    // The shop plugs into whichever add-ons run: mesh routing and authorization, scraping, alerts
    // and dashboards, trace export. Each part is absent when its add-on is.
    const shop = config.shop.enabled
        ? new Shop("shop", {
            namespace: tenancy.teamNamespaces[config.shop.team],
            team: config.shop.team,
            environment: config.stack,
            image: config.shop.image,
            defaults: config.workloads,
            platformNamespaces: { ingressGateway: NAMESPACES.ingressGateway, monitoring: NAMESPACES.monitoring },
            services: config.shop.services,
            mesh: mesh && {
                gatewayRef: mesh.gatewayRef,
                gatewayHosts: config.mesh.gatewayHosts,
                ingressGatewayPrincipal: mesh.gatewayPrincipal,
                trustDomain: mesh.trustDomain,
                crdDependency: mesh.crdChart,
                controlPlane: mesh.controlPlane,
                gatewayWorkloadSelector: mesh.gatewayWorkloadSelector,
                egressGateway: mesh.egressGateway,
            },
            monitoring: monitoring && {
                crdDependency: monitoring.crdChart,
                dashboardLabel: DASHBOARD_LABEL,
                mtlsScrape: monitoring.scrapeCertificateFiles && {
                    certificateFiles: monitoring.scrapeCertificateFiles,
                    prometheus: { namespace: NAMESPACES.monitoring, serviceAccount: monitoring.prometheusServiceAccountName },
                },
            },
            tracing: config.tracing.enabled ? { otlpGrpcEndpoint: otlpGrpcEndpoint(NAMESPACES.tracing) } : undefined,
            secretStore: storeIntegration,
            rightSizing: vpaRecommender && { crdDependency: vpaRecommender.chart },
            // Without monitoring there is no Prometheus to read: no integration, and a service that asks for it is refused.
            requestScaling: keda && monitoring && { prometheusAddress: monitoring.prometheusUrl, crdDependency: keda.chart },
            // Likewise: a canary's analysis reads Prometheus.
            progressiveDelivery: argoRollouts && monitoring && { prometheusAddress: monitoring.prometheusUrl, crdDependency: argoRollouts.chart },
        }, opts)
        : undefined;

    return { config, tenancy, admission, shop, gitops, monitoring, mesh, logging, tracing, kiali, externalSecrets, metricsServer, vpaRecommender, keda,
        argoRollouts };
}
