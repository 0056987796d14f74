// The service's stable in-cluster address. With the mesh, the Service spans every track and the
// VirtualService splits traffic; without it, a blue-green Service points at the active colour
// and a `<name>-preview` Service at the other one (a canary then gets a share by replica count).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MicroserviceArgs } from "./args";
import { TRACK_LABEL } from "./delivery/tracks";
import { MicroserviceSpec } from "./spec";

export interface ServiceInputs {
    resourceName: string;
    args: MicroserviceArgs;
    spec: MicroserviceSpec;
    labels: Record<string, string>;
    /** Selects every pod of the service, whatever its track. */
    selector: Record<string, string>;
}

export interface Services {
    service: k8s.core.v1.Service;
    preview?: k8s.core.v1.Service;
}

export function createServices(i: ServiceInputs, opts: pulumi.CustomResourceOptions): Services {
    const { args, spec } = i;
    const ports = [{ name: "http", port: 80, targetPort: "http", protocol: "TCP", appProtocol: "http" }];
    if (args.ports.metrics !== undefined) {
        ports.push({ name: "metrics", port: args.ports.metrics, targetPort: "metrics", protocol: "TCP", appProtocol: "http" });
    }
    const service = (resourceName: string, name: string, labels: Record<string, string>, selector: Record<string, string>) =>
        new k8s.core.v1.Service(resourceName, {
            metadata: { name, namespace: args.namespace, labels },
            spec: { type: "ClusterIP", selector, ports },
        }, opts);

    const d = spec.delivery;
    if (d.strategy !== "blueGreen" || args.mesh) {
        return { service: service(i.resourceName, spec.name, i.labels, i.selector) };
    }
    return {
        service: service(i.resourceName, spec.name, i.labels, { ...i.selector, [TRACK_LABEL]: d.active }),
        // Its own instance label keeps it out of the ServiceMonitor's selector.
        preview: service(`${i.resourceName}-preview`, `${spec.name}-preview`,
            { ...i.labels, "app.kubernetes.io/instance": `${spec.name}-preview` }, { ...i.selector, [TRACK_LABEL]: d.inactive }),
    };
}
