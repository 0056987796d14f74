// tenant-isolation: a compliant tenant namespace (the shop as the platform deploys it: a public
// service exported to the gateway, its monitor on the mesh scrape class, a Deployment in the mesh),
// then one field changed per case, each asserting the finding's code and message: the cases are
// data in admission/cases.ts (run by admission/rules.test.ts and, through the generated admission
// policies, by admission/agreement.test.ts); what stays here is what is not a case.
import { strict as assert } from "assert";
import { tenantIsolation } from "../../policy/policies";
import { CONTROLS, MESSAGES } from "../../policy/tenant-isolation/messages";
import { platformObjects, tenantBaseline, tenantStack } from "./admission/cases";
import { stackMessages } from "./policyCall";

const TENANT = "shop";
const baseline = tenantBaseline;
const stack = tenantStack;

const run = (resources: ReturnType<typeof tenantStack>) => stackMessages(tenantIsolation, resources);

describe("tenant-isolation", () => {
    it("accepts the baseline: routes exported to the gateway only, a ServiceEntry kept home, a monitor without files", async () => {
        assert.deepEqual(await run(stack(baseline())), []);
    });

    it("judges only tenant namespaces: the platform's own Gateway and mesh-wide objects pass", async () => {
        const platform = platformObjects();
        assert.deepEqual(await run(stack(baseline(), platform)), []);
    });

    it("names every control in its table once, with a distinct code", () => {
        const codes = Object.values(MESSAGES).map((m) => m.code);
        assert.equal(new Set(codes).size, codes.length);
        assert.equal(new Set(CONTROLS).size, CONTROLS.length);
    });

    it("lets an exemption waive one control for one object, and only that control", async () => {
        const b = baseline();
        b.monitor.endpoints[0].honorLabels = true;
        b.monitor.namespaceSelector = { any: true };
        const exemptions = [{ namespace: TENANT, kind: "ServiceMonitor", name: "frontend", controls: ["monitorHonorLabels"], reason: "federation", expires: "2099-01-01" }];
        const messages = await stackMessages(tenantIsolation, stack(b), { exemptions });
        assert.deepEqual(messages.map((m) => m.slice(0, m.indexOf("]") + 1)), ["ServiceMonitor shop/frontend: [TEN008]"]);
    });
});
