// Composition: one validated config in, components out. Each component gets only its slice of
// the config and the explicit Kubernetes provider; independent add-ons deploy in parallel.
import * as pulumi from "@pulumi/pulumi";
import { Tenancy } from "../components/tenancy";
import { PlatformConfig } from "./config";
import { NAMESPACES, platformNamespaceSpecs } from "./namespaces";
import { createKubernetesProvider } from "./provider";

export interface Platform {
    config: Readonly<PlatformConfig>;
    tenancy: Tenancy;
}

export function deployPlatform(config: Readonly<PlatformConfig>): Platform {
    const provider = createKubernetesProvider(config);
    const opts: pulumi.ComponentResourceOptions = { providers: { kubernetes: provider } };

    const tenancy = new Tenancy("tenancy", {
        env: config.stack,
        tenancy: config.tenancy,
        mesh: config.mesh,
        platformNamespaces: platformNamespaceSpecs(config),
        ingressGatewayNamespace: NAMESPACES.ingressGateway,
        monitoringNamespace: NAMESPACES.monitoring,
    }, opts);

    return { config, tenancy };
}
