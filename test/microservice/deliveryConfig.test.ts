// platform:shop.services: per-service delivery, SLO and fault injection, validated with messages
// that name the key and what is accepted.
import { strict as assert } from "assert";
import { ConfigError, resolvePlatformConfig } from "../../infra/config";

const resolve = (shop: unknown, stack = "staging") =>
    resolvePlatformConfig({ stack, values: { shop: JSON.stringify(shop) }, secretKeys: new Set() });

function rejects(services: unknown, ...expected: RegExp[]): void {
    assert.throws(() => resolve({ services }), (e: unknown) => {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        for (const pattern of expected) assert.match(e.message, pattern);
        return true;
    });
}

describe("shop service settings", () => {
    it("shows a canary and a blue-green service in staging", () => {
        const s = resolve({}).shop.services;
        assert.deepEqual(s.catalog?.delivery, { strategy: "canary", canary: { weight: 10 } });
        assert.deepEqual(s.payments?.delivery, { strategy: "blueGreen", blueGreen: { active: "blue" } });
    });

    it("merges a weight change onto the profile's canary", () => {
        const s = resolve({ services: { catalog: { delivery: { canary: { weight: 40 } } } } }).shop.services;
        assert.deepEqual(s.catalog?.delivery, { strategy: "canary", canary: { weight: 40 } });
        assert.equal(s.catalog?.slo, 99.5);
    });

    it("keeps the other strategies' blocks when switching, reading only the chosen one", () => {
        const s = resolve({ services: { catalog: { delivery: { strategy: "rolling" } } } }).shop.services;
        assert.equal(s.catalog?.delivery?.strategy, "rolling");
    });

    describe("rejects", () => {
        it("a weight outside 0-100", () => {
            rejects({ catalog: { delivery: { canary: { weight: 101 } } } }, /platform:shop\.services\.catalog\.delivery\.canary\.weight: must be 0-100 \(got 101\)/);
            rejects({ catalog: { delivery: { canary: { weight: -5 } } } }, /canary\.weight: must be 0-100/);
            rejects({ catalog: { delivery: { canary: { weight: 12.5 } } } }, /canary\.weight: must be a whole number/);
        });
        it("a colour other than blue or green", () =>
            rejects({ payments: { delivery: { blueGreen: { active: "red" } } } },
                /platform:shop\.services\.payments\.delivery\.blueGreen\.active: .*"blue".*"green".*\(got "red"\)/));
        it("an unknown strategy", () =>
            rejects({ orders: { delivery: { strategy: "shadow" } } }, /delivery\.strategy: .*"rolling".*"canary".*"blueGreen"/));
        it("an unknown service, naming the accepted ones", () =>
            rejects({ basket: { slo: 99 } }, /platform:shop\.services\.basket: unknown key; accepted: frontend, catalog, orders, payments/));
        it("a strategy without its settings", () => {
            rejects({ orders: { delivery: { strategy: "canary" } } }, /orders\.delivery\.canary: is required when strategy is "canary"/);
            rejects({ orders: { delivery: { strategy: "blueGreen" } } }, /orders\.delivery\.blueGreen: is required when strategy is "blueGreen"/);
        });
        it("an unpinned canary or colour image", () => {
            rejects({ catalog: { delivery: { canary: { image: "ghcr.io/stefanprodan/podinfo:latest" } } } }, /canary\.image: .*"latest"/);
            rejects({ payments: { delivery: { blueGreen: { images: { green: "ghcr.io/stefanprodan/podinfo" } } } } }, /images\.green: .*has no tag/);
        });
        it("an SLO of 100% or a nonsense one", () => {
            rejects({ frontend: { slo: 100 } }, /platform:shop\.services\.frontend\.slo: must be a percentage from 50 to below 100/);
            rejects({ frontend: { slo: 0.999 } }, /frontend\.slo: must be a percentage/);
        });
        it("fault injection beyond 100% or with a bad status or delay", () => {
            rejects({ orders: { faultInjection: { abort: { percent: 150, httpStatus: 503 } } } }, /faultInjection\.abort\.percent: must be 0-100/);
            rejects({ orders: { faultInjection: { abort: { percent: 5, httpStatus: 42 } } } }, /faultInjection\.abort\.httpStatus: must be an HTTP status/);
            rejects({ orders: { faultInjection: { delay: { percent: 5, fixedDelay: "soon" } } } }, /faultInjection\.delay\.fixedDelay: must be a duration/);
        });
        it("a misspelt key inside a service", () => {
            rejects({ orders: { sloo: 99 } }, /platform:shop\.services\.orders\.sloo: unknown key; accepted: delivery, autoscaling, slo, faultInjection/);
            rejects({ orders: { delivery: { strategy: "canary", canary: { wieght: 5 } } } }, /orders\.delivery\.canary\.wieght: unknown key; accepted: weight, /);
        });
    });
});
