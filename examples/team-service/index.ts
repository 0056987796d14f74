// An application team's program: one service in the team's platform namespace, wired to the
// mesh, monitoring and tracing the platform stack advertises through its contract.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Microservice } from "../../components/microservice";
import { SCRAPE_CERTIFICATE_FILES } from "../../components/shared/scrapeCertificates";
import { PlatformReference } from "../../infra/contract";
import { PROFILES } from "../../stacks/profiles";
import { loadTeamServiceConfig } from "./config";

const config = loadTeamServiceConfig();
const platform = new PlatformReference("platform", { stack: config.platformStack });
const provider = new k8s.Provider("team-k8s", {});

const reports = new Microservice("reports", {
    namespace: platform.teamNamespace(config.team),
    team: config.team,
    environment: pulumi.getStack(),
    partOf: "reports",
    component: "backend",
    image: config.image,
    ports: { http: 9898, metrics: 9797 },
    command: ["./podinfo"],
    args: ["--port=9898", "--port-metrics=9797", "--level=info", "--data-path=/data"],
    writablePaths: ["/data", "/tmp"],
    defaults: PROFILES[config.profile].workloads,
    platformNamespaces: {
        ingressGateway: platform.namespaces.apply((n) => n.ingressGateway ?? ""),
        monitoring: platform.namespaces.apply((n) => n.monitoring ?? ""),
    },
    mesh: config.uses.mesh
        ? {
            gatewayRef: platform.required("mesh", "gatewayRef"),
            gatewayHosts: [],
            ingressGatewayPrincipal: platform.required("mesh", "gatewayPrincipal"),
            trustDomain: platform.required("mesh", "trustDomain"),
        }
        : undefined,
    monitoring: config.uses.monitoring
        ? {
            // Under the platform's STRICT mTLS, Prometheus scrapes with its mesh certificate.
            mtlsScrape: config.uses.mtlsScrape
                ? {
                    certificateFiles: SCRAPE_CERTIFICATE_FILES,
                    prometheus: {
                        namespace: platform.required("monitoring", "mtlsScrape").apply((s) => s.prometheusNamespace),
                        serviceAccount: platform.required("monitoring", "mtlsScrape").apply((s) => s.prometheusServiceAccount),
                    },
                }
                : undefined,
        }
        : undefined,
    tracing: config.uses.tracing ? { otlpGrpcEndpoint: platform.required("tracing", "otlpGrpcEndpoint") } : undefined,
}, { providers: { kubernetes: provider } });

export const url = reports.url;
export const platformContractVersion = platform.contractVersion;
