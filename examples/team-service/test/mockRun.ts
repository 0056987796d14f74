// Runs this program once, in its own process as Pulumi would, under Pulumi's mocks: its
// StackReference answers with a recorded platform contract. Prints what it registered and returned,
// or its error, as JSON.
//   node --require tsx/cjs test/mockRun.ts <stack> <config JSON> [<platform contract JSON file>]
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { teamProgram } from "../program";
import { teamServices } from "../services";

const [stack, configJson, contractFile = path.join(__dirname, `platform-contract.${stack}.json`)] = process.argv.slice(2);
const platform = JSON.parse(fs.readFileSync(contractFile, "utf8"));
const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

pulumi.runtime.setMocks({
    newResource: (a) => {
        registered.push({ type: a.type, name: a.name, inputs: a.inputs });
        return a.type === "pulumi:pulumi:StackReference"
            ? { id: a.inputs.name, state: { name: a.inputs.name, outputs: platform, secretOutputNames: [] } }
            : { id: `${a.name}-id`, state: a.inputs };
    },
    call: (a) => a.inputs,
}, "team-service", stack, false);
const config = JSON.parse(configJson) as Record<string, unknown>;
pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config)
    .map(([key, value]) => [`team-service:${key}`, typeof value === "string" ? value : JSON.stringify(value)])));

async function main(): Promise<{ result?: unknown; error?: string }> {
    try {
        const outputs = await teamProgram(teamServices)();
        return { result: await new Promise((resolve) => pulumi.output(outputs).apply(resolve)) };
    } catch (e) {
        return { error: (e as Error).message };
    }
}

void main().then(async (run) => {
    // Registrations finish asynchronously: wait until no new one arrives.
    for (let seen = -1; seen !== registered.length;) {
        seen = registered.length;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.stdout.write(JSON.stringify({ ...run, registered }));
    process.exit(0);
});
