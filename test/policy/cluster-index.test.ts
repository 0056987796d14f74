// ClusterIndex.servicesSelecting: the Services whose selector picks a pod's labels, as a scan of
// the namespace's Services would find them, in stack order.
import { PolicyResource } from "@pulumi/policy";
import * as assert from "assert";
import { ClusterIndex } from "../../policy/lib/clusterIndex";

function service(namespace: string, name: string, selector: unknown): PolicyResource {
    return {
        type: "kubernetes:core/v1:Service", name, urn: `urn:pulumi:dev::platform::kubernetes:core/v1:Service::${namespace}-${name}`,
        props: { metadata: { name, namespace }, spec: selector === undefined ? {} : { selector } },
        dependencies: [], propertyDependencies: {},
    } as unknown as PolicyResource;
}

const names = (found: { ref: { name: string } }[]) => found.map((s) => s.ref.name);

describe("ClusterIndex: Services by selector", () => {
    const index = new ClusterIndex([
        service("shop", "orders-admin", { app: "orders", tier: "admin" }),
        service("shop", "orders", { app: "orders" }),
        service("shop", "catalog", { app: "catalog" }),
        service("shop", "headless", undefined),
        service("shop", "empty", {}),
        service("other", "orders", { app: "orders" }),
        service("shop", "by-tier", { tier: "admin" }),
    ]);

    it("finds every Service whose whole selector the pod's labels carry, in stack order", () => {
        assert.deepEqual(names(index.servicesSelecting("shop", { app: "orders", tier: "admin" })), ["orders-admin", "orders", "by-tier"]);
    });

    it("leaves out a Service whose selector names a label the pod lacks", () => {
        assert.deepEqual(names(index.servicesSelecting("shop", { app: "orders" })), ["orders"]);
    });

    it("stays in the pod's namespace", () => {
        assert.deepEqual(names(index.servicesSelecting("other", { app: "orders", tier: "admin" })), ["orders"]);
    });

    it("never counts a Service without a selector, or with an empty one", () => {
        assert.deepEqual(names(index.servicesSelecting("shop", { app: "nothing" })), []);
        assert.deepEqual(names(index.servicesSelecting("shop", {})), []);
    });
});
