// npm run policy-config: writes stacks/<stack>/policy-config.json from infra/policyConfig.
// npm run policy-config -- --check: writes nothing, fails when a committed file is stale.
// Either way, lists the exemptions that have expired today (the pack no longer applies them).
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { POLICY_CONFIG_STACKS, policyConfigPath, renderStackPolicyConfig, stackPolicyConfig } from "../../infra/policyConfig";
import { describeExpired, expiredExemptions } from "./expiry";

const ROOT = path.resolve(__dirname, "../..");
const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });

let stale = 0;
for (const stack of POLICY_CONFIG_STACKS) {
    const file = policyConfigPath(stack);
    const absolute = path.join(ROOT, file);
    const text = renderStackPolicyConfig(stack);
    const current = fs.existsSync(absolute) ? fs.readFileSync(absolute, "utf8") : undefined;
    if (current === text) {
        console.log(`${file}: up to date`);
    } else if (values.check) {
        console.error(`${file}: stale; run npm run policy-config and commit it`);
        stale++;
    } else {
        fs.writeFileSync(absolute, text);
        console.log(`${file}: written`);
    }
    for (const expired of expiredExemptions(stackPolicyConfig(stack), new Date())) console.warn(`${file}: ${describeExpired(expired)}`);
}
if (stale > 0) process.exit(1);
