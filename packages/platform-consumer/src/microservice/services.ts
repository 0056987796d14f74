// The service's stable in-cluster address. With the mesh, the Service spans every track and the
// VirtualService splits traffic; without it, a blue-green Service points at the active colour
// and a `<name>-preview` Service at the other one (a canary then gets a share by replica count).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { TRACK_LABEL } from "./delivery/tracks";
import { ResolvedMicroservice } from "./resolve";

export interface ServiceInputs {
    resourceName: string;
    service: ResolvedMicroservice;
    labels: Record<string, string>;
    /** Selects every pod of the service, whatever its track. */
    selector: Record<string, string>;
}

export interface Services {
    service: k8s.core.v1.Service;
    preview?: k8s.core.v1.Service;
}

export function createServices(inputs: ServiceInputs, opts: pulumi.CustomResourceOptions): Services {
    const { service } = inputs;
    const ports = [{ name: "http", port: 80, targetPort: "http", protocol: "TCP", appProtocol: "http" }];
    if (service.ports.metrics !== undefined) {
        ports.push({ name: "metrics", port: service.ports.metrics, targetPort: "metrics", protocol: "TCP", appProtocol: "http" });
    }
    const kubernetesService = (resourceName: string, name: string, labels: Record<string, string>, selector: Record<string, string>) =>
        new k8s.core.v1.Service(resourceName, {
            metadata: { name, namespace: service.namespace, labels },
            spec: { type: "ClusterIP", selector, ports },
        }, opts);

    const delivery = service.delivery;
    if (delivery.strategy !== "blueGreen" || service.mesh) {
        return { service: kubernetesService(inputs.resourceName, service.name, inputs.labels, inputs.selector) };
    }
    return {
        service: kubernetesService(inputs.resourceName, service.name, inputs.labels, { ...inputs.selector, [TRACK_LABEL]: delivery.active }),
        // Its own instance label keeps it out of the ServiceMonitor's selector.
        preview: kubernetesService(`${inputs.resourceName}-preview`, `${service.name}-preview`,
            { ...inputs.labels, "app.kubernetes.io/instance": `${service.name}-preview` },
            { ...inputs.selector, [TRACK_LABEL]: delivery.inactive }),
    };
}
