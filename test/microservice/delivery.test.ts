// Delivery strategies on the sample shop: which Deployments each strategy runs, how the mesh
// splits traffic between them, and that moving a weight or a colour never renames a Deployment.
import { strict as assert } from "assert";
import { MESH_OFF, RunResult, runStack } from "../harness";
import {
    chartUrn, headerTarget, kindOf, meshVirtualService, objectsOf, ofType, ok, onlyKind, splitWeights, TYPES,
} from "./support";

// staging's profile: catalog is a canary at 10%, payments is blue-green with blue active, the rest roll.
const STAGING = "staging";
const IMAGE = "ghcr.io/stefanprodan/podinfo:6.9.2";
const NEXT_IMAGE = "ghcr.io/stefanprodan/podinfo:6.9.3";

const deploymentIdentity = (run: RunResult) => ofType(run, TYPES.deployment)
    .filter((d) => d.inputs.metadata.namespace === "shop")
    .map((d) => `${d.urn} ${d.inputs.metadata.name}`)
    .sort();

const byName = (run: RunResult, service: string) =>
    Object.fromEntries(kindOf(run, service, TYPES.deployment).map((d) => [d.inputs.metadata.name, d]));

const podLabels = (d: any) => d.inputs.spec.template.metadata.labels;

describe("delivery strategies", () => {
    describe("rolling (frontend in staging)", () => {
        it("runs one Deployment under the service's own name, rolling with maxSurge/maxUnavailable", () => {
            const run = ok(STAGING);
            const deployments = kindOf(run, "frontend", TYPES.deployment);
            assert.deepEqual(deployments.map((d) => [d.name, d.inputs.metadata.name]), [["shop-frontend", "frontend"]]);
            assert.deepEqual(deployments[0].inputs.spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } });
            assert.equal(podLabels(deployments[0]).version, "stable");
        });

        it("routes all traffic to the single stable subset", () => {
            const run = ok(STAGING);
            assert.deepEqual(splitWeights(meshVirtualService(run, "frontend")), { stable: 100 });
            const dr = onlyKind(run, "frontend", TYPES.destinationRule);
            assert.deepEqual(dr.inputs.spec.subsets, [{ name: "stable", labels: { version: "stable" } }]);
        });

        it("takes maxSurge/maxUnavailable from the service's delivery settings over the profile's", () => {
            const run = ok(STAGING, { shop: { services: { frontend: { delivery: { strategy: "rolling", rolling: { maxSurge: "2", maxUnavailable: "1" } } } } } });
            const [d] = kindOf(run, "frontend", TYPES.deployment);
            assert.deepEqual(d.inputs.spec.strategy.rollingUpdate, { maxSurge: 2, maxUnavailable: 1 }, "whole numbers as numbers: the API server takes a string only as a percentage");
        });
    });

    describe("canary (catalog in staging, weight 10)", () => {
        it("runs a stable Deployment under the service's name and a one-replica <name>-canary beside it", () => {
            const run = ok(STAGING);
            const d = byName(run, "catalog");
            assert.deepEqual(Object.keys(d).sort(), ["catalog", "catalog-canary"]);
            assert.equal(d.catalog.name, "shop-catalog");
            assert.equal(d["catalog-canary"].name, "shop-catalog-canary");
            assert.equal(podLabels(d.catalog).version, "stable");
            assert.equal(podLabels(d["catalog-canary"]).version, "canary");
            assert.equal(d["catalog-canary"].inputs.spec.replicas, 1);
            // Selectors must not overlap, or the two Deployments would fight over pods.
            assert.notDeepEqual(d.catalog.inputs.spec.selector.matchLabels, d["catalog-canary"].inputs.spec.selector.matchLabels);
        });

        it("autoscales and protects only the stable track", () => {
            const run = ok(STAGING);
            // Staging's catalog scales on request rate: a ScaledObject is its autoscaler.
            assert.deepEqual(kindOf(run, "catalog", TYPES.hpa), []);
            assert.deepEqual(kindOf(run, "catalog", TYPES.scaledObject).map((s) => s.inputs.spec.scaleTargetRef.name), ["catalog"]);
            assert.deepEqual(kindOf(run, "catalog", TYPES.pdb).map((p) => p.inputs.spec.selector.matchLabels.version), ["stable"]);
        });

        it("subsets the DestinationRule by the version label and splits 90/10", () => {
            const run = ok(STAGING);
            const dr = onlyKind(run, "catalog", TYPES.destinationRule);
            assert.deepEqual(dr.inputs.spec.subsets, [
                { name: "stable", labels: { version: "stable" } },
                { name: "canary", labels: { version: "canary" } },
            ]);
            assert.deepEqual(splitWeights(meshVirtualService(run, "catalog")), { stable: 90, canary: 10 });
        });

        it("sends requests with x-canary: always to the canary, whatever the weight", () => {
            for (const weight of [0, 10, 100]) {
                const run = ok(STAGING, { shop: { services: { catalog: { delivery: { canary: { weight } } } } } });
                const vs = meshVirtualService(run, "catalog");
                assert.equal(headerTarget(vs, "x-canary", "always"), "canary");
                assert.deepEqual(splitWeights(vs), { stable: 100 - weight, canary: weight });
            }
        });

        it("runs the canary image only on the canary track", () => {
            const run = ok(STAGING, { shop: { services: { catalog: { delivery: { canary: { image: NEXT_IMAGE } } } } } });
            const d = byName(run, "catalog");
            assert.equal(d.catalog.inputs.spec.template.spec.containers[0].image, IMAGE);
            assert.equal(d["catalog-canary"].inputs.spec.template.spec.containers[0].image, NEXT_IMAGE);
            assert.equal(d["catalog-canary"].inputs.metadata.labels["app.kubernetes.io/version"], "6.9.3");
        });
    });

    describe("blueGreen (payments in staging, blue active)", () => {
        it("runs <name>-blue and <name>-green, both at full size", () => {
            const run = ok(STAGING);
            const d = byName(run, "payments");
            assert.deepEqual(Object.keys(d).sort(), ["payments-blue", "payments-green"]);
            assert.equal(d["payments-blue"].name, "shop-payments-blue");
            assert.equal(podLabels(d["payments-blue"]).version, "blue");
            assert.equal(podLabels(d["payments-green"]).version, "green");
            assert.deepEqual(kindOf(run, "payments", TYPES.hpa).map((h) => h.inputs.spec.scaleTargetRef.name).sort(), ["payments-blue", "payments-green"]);
        });

        it("sends all traffic to the active colour and x-preview: true to the other", () => {
            const run = ok(STAGING);
            const vs = meshVirtualService(run, "payments");
            assert.deepEqual(splitWeights(vs), { blue: 100 });
            assert.equal(headerTarget(vs, "x-preview", "true"), "green");
            const dr = onlyKind(run, "payments", TYPES.destinationRule);
            assert.deepEqual(dr.inputs.spec.subsets.map((s: any) => [s.name, s.labels.version]), [["blue", "blue"], ["green", "green"]]);
        });

        it("switches (and rolls back) by changing the active colour", () => {
            const green = ok(STAGING, { shop: { services: { payments: { delivery: { blueGreen: { active: "green" } } } } } });
            const vs = meshVirtualService(green, "payments");
            assert.deepEqual(splitWeights(vs), { green: 100 });
            assert.equal(headerTarget(vs, "x-preview", "true"), "blue");
        });

        it("runs each colour's own image", () => {
            const run = ok(STAGING, { shop: { services: { payments: { delivery: { blueGreen: { images: { green: NEXT_IMAGE } } } } } } });
            const d = byName(run, "payments");
            assert.equal(d["payments-blue"].inputs.spec.template.spec.containers[0].image, IMAGE);
            assert.equal(d["payments-green"].inputs.spec.template.spec.containers[0].image, NEXT_IMAGE);
        });
    });

    describe("moving a weight or a colour", () => {
        it("leaves every Deployment's Pulumi URN and Kubernetes name unchanged", () => {
            const before = deploymentIdentity(ok(STAGING));
            const after = [
                { catalog: { delivery: { canary: { weight: 50 } } } },
                { catalog: { delivery: { canary: { weight: 100 } } }, payments: { delivery: { blueGreen: { active: "green" } } } },
                { catalog: { delivery: { canary: { weight: 0 } } }, payments: { delivery: { blueGreen: { active: "blue" } } } },
            ];
            for (const services of after) assert.deepEqual(deploymentIdentity(ok(STAGING, { shop: { services } })), before);
        });

        it("changes no Deployment input at all", () => {
            const snapshot = (run: RunResult) => JSON.stringify(ofType(run, TYPES.deployment).map((d) => d.inputs));
            const base = snapshot(ok(STAGING));
            assert.equal(snapshot(ok(STAGING, { shop: { services: { catalog: { delivery: { canary: { weight: 50 } } } } } })), base);
            assert.equal(snapshot(ok(STAGING, { shop: { services: { payments: { delivery: { blueGreen: { active: "green" } } } } } })), base);
        });

        it("keeps the stable Deployment's name when a rolling service becomes a canary", () => {
            const rolling = ok(STAGING);
            const canary = ok(STAGING, { shop: { services: { orders: { delivery: { strategy: "canary", canary: { weight: 5 } } } } } });
            const stable = (run: RunResult) => kindOf(run, "orders", TYPES.deployment).find((d) => d.inputs.metadata.name === "orders")!;
            assert.equal(stable(canary).urn, stable(rolling).urn);
            assert.deepEqual(stable(canary).inputs.spec.selector, stable(rolling).inputs.spec.selector);
        });
    });

    describe("routing policy", () => {
        it("gives every route a timeout and retries, and injects no fault by default", () => {
            const run = ok(STAGING);
            for (const service of ["frontend", "catalog", "orders", "payments"]) {
                for (const vs of kindOf(run, service, TYPES.virtualService)) {
                    for (const route of vs.inputs.spec.http) {
                        assert.match(route.timeout, /^\d+(ms|s)$/);
                        assert.ok(route.retries.attempts >= 1);
                        assert.match(route.retries.perTryTimeout, /^\d+(ms|s)$/);
                        assert.ok(route.retries.retryOn.split(",").includes("connect-failure"));
                        assert.equal(route.fault, undefined, `${vs.name}/${route.name}: no fault by default`);
                    }
                }
            }
        });

        it("injects the configured delay and abort into every route of that service only", () => {
            const faultInjection = { delay: { percent: 50, fixedDelay: "2s" }, abort: { percent: 10, httpStatus: 503 } };
            const run = ok(STAGING, { shop: { services: { orders: { faultInjection } } } });
            for (const route of meshVirtualService(run, "orders").inputs.spec.http) {
                assert.deepEqual(route.fault, {
                    delay: { percentage: { value: 50 }, fixedDelay: "2s" },
                    abort: { percentage: { value: 10 }, httpStatus: 503 },
                });
            }
            for (const route of meshVirtualService(run, "catalog").inputs.spec.http) assert.equal(route.fault, undefined);
        });

        it("sets mutual TLS, a connection pool and outlier detection on every DestinationRule", () => {
            const run = ok(STAGING);
            for (const service of ["frontend", "catalog", "orders", "payments"]) {
                const policy = onlyKind(run, service, TYPES.destinationRule).inputs.spec.trafficPolicy;
                assert.equal(policy.tls.mode, "ISTIO_MUTUAL");
                assert.ok(policy.connectionPool.tcp.maxConnections > 0);
                assert.ok(policy.connectionPool.http.http1MaxPendingRequests > 0);
                for (const key of ["consecutive5xxErrors", "interval", "baseEjectionTime", "maxEjectionPercent"]) {
                    assert.ok(policy.outlierDetection[key] !== undefined, `outlierDetection.${key}`);
                }
            }
        });

        it("addresses the service by its cluster host name on the Service's http port", () => {
            const run = ok(STAGING);
            const host = "catalog.shop.svc.cluster.local";
            assert.equal(onlyKind(run, "catalog", TYPES.destinationRule).inputs.spec.host, host);
            const vs = meshVirtualService(run, "catalog");
            assert.deepEqual(vs.inputs.spec.hosts, [host]);
            for (const route of vs.inputs.spec.http) {
                for (const d of route.route) assert.deepEqual([d.destination.host, d.destination.port.number], [host, 80]);
            }
        });

        it("binds the public services to the ingress Gateway, for the stack's public hosts: the frontend on every path, the APIs under theirs", () => {
            for (const [stack, hosts] of [["staging", ["shop.staging.example.com"]], ["prod", ["shop.example.com"]]] as const) {
                const run = ok(stack);
                // Bound to a gateway of the ingress namespace (prod's egress route is bound to the egress gateway).
                const bound = ofType(run, TYPES.virtualService).filter((v) => (v.inputs.spec.gateways ?? []).some((g: string) => g.startsWith("istio-ingress/")));
                assert.deepEqual(bound.map((v) => v.inputs.metadata.name).sort(), ["frontend-public", "orders-public", "payments-public"]);
                for (const vs of bound) {
                    assert.deepEqual(vs.inputs.spec.gateways, ["istio-ingress/public-gateway"]);
                    assert.deepEqual(vs.inputs.spec.hosts, hosts);
                }
                const frontend = bound.find((v) => v.inputs.metadata.name === "frontend-public")!;
                // Same routes (and so the same delivery split) as inside the mesh.
                assert.deepEqual(frontend.inputs.spec.http, meshVirtualService(run, "frontend").inputs.spec.http);
                for (const [service, prefix] of [["orders", "/api/orders"], ["payments", "/api/payments"]]) {
                    const vs = bound.find((v) => v.inputs.metadata.name === `${service}-public`)!;
                    const inMesh = meshVirtualService(run, service).inputs.spec.http;
                    assert.equal(vs.inputs.spec.http.length, inMesh.length);
                    vs.inputs.spec.http.forEach((route: any, i: number) => {
                        // The mesh route's split, only under the API's prefix, which the service does not see.
                        assert.deepEqual(route.route, inMesh[i].route);
                        assert.deepEqual(route.match.map((m: any) => m.uri), [{ exact: prefix }, { prefix: `${prefix}/` }]);
                        assert.deepEqual(route.rewrite, { uri: "/" });
                    });
                }
            }
        });

        it("makes every Istio object wait for the Istio CRDs and istiod", () => {
            const run = ok(STAGING);
            const needs = [chartUrn(run, "istio-base"), chartUrn(run, "istiod-1-29")];
            for (const service of ["frontend", "catalog", "orders", "payments"]) {
                const istio = objectsOf(run, service).filter((r) => r.type.includes("istio.io"));
                // DestinationRule, VirtualService(s) and AuthorizationPolicy.
                assert.ok(istio.length >= 3);
                for (const r of istio) for (const urn of needs) assert.ok(r.dependencies.includes(urn), `${r.type} ${r.name} depends on ${urn}`);
            }
        });
    });

    describe("without the mesh", () => {
        const run = () => ok(STAGING, MESH_OFF);

        it("creates no Istio object at all", () => {
            assert.deepEqual(run().resources.filter((r) => r.type.includes("istio.io")).map((r) => `${r.type} ${r.name}`), []);
        });

        it("still runs the same Deployments", () => {
            assert.deepEqual(deploymentIdentity(run()), deploymentIdentity(ok(STAGING, { shop: MESH_OFF.shop })));
        });

        it("refuses a weighted canary, which only the mesh splits by weight", () => {
            const failed = runStack(STAGING, { mesh: { enabled: false }, shop: { services: { orders: { delivery: { strategy: "rolling" } }, catalog: { autoscaling: { scaleOn: "resources" } } } } });
            assert.match(failed.error ?? "", /Microservice "catalog" is invalid:\n {2}- delivery\.canary\.weight: only the mesh splits traffic by weight.*\(got 10\)/);
        });

        it("points a blue-green Service at the active colour and <name>-preview at the other", () => {
            const services = kindOf(run(), "payments", TYPES.service);
            const selector = (name: string) => services.find((s) => s.inputs.metadata.name === name)!.inputs.spec.selector;
            assert.equal(selector("payments").version, "blue");
            assert.equal(selector("payments-preview").version, "green");
        });
    });
});
