// The load-balancer stand-in: what a cloud controller or MetalLB does for a Service of type
// LoadBalancer, reduced to the part the API shows. It gives each such Service an address from a
// block routed to the cluster's loopback, in its status, so that `pulumi up`'s await of the
// ingress gateway's Service completes as on a real cluster. Nothing forwards traffic to the address.
import { KubeClient } from "../kubeClient";
import { LOAD_BALANCER_IPS } from "../layout";

export const LOAD_BALANCER_STAND_IN_UNPROVEN = "assigns an address only: no traffic is forwarded to it (no kube-proxy, no node ports)";

export class LiveLoadBalancerStandIn {
    /** namespace/name -> the address it was given. */
    readonly assigned = new Map<string, string>();

    constructor(private readonly client: KubeClient) {}

    async reconcile(): Promise<void> {
        for (const service of await this.client.list("v1", "Service")) {
            if (service.spec?.type !== "LoadBalancer" || (service.status?.loadBalancer?.ingress ?? []).length > 0) continue;
            const key = `${service.metadata.namespace}/${service.metadata.name}`;
            const ip = this.assigned.get(key) ?? LOAD_BALANCER_IPS(this.assigned.size);
            const url = `/api/v1/namespaces/${service.metadata.namespace}/services/${service.metadata.name}/status`;
            const answer = await this.client.request("PATCH", url, { status: { loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } } }, "application/merge-patch+json");
            if (answer.status === 200) this.assigned.set(key, ip);
        }
    }

    describe(): string {
        const list = [...this.assigned.entries()].map(([k, ip]) => `${k}=${ip}`).join(", ") || "none";
        return `STAND-IN load balancer: addresses ${list}; ${LOAD_BALANCER_STAND_IN_UNPROVEN}`;
    }
}
