/* global setTimeout */
// Runs inside the scratch project (plain CommonJS, as a team's compiled program would): loads the
// installed package, then reads each given platform stack through PlatformReference under the
// SDK's mocks and prints what serviceSettings derives, or the error, with what was registered.
//   node check.js <cases.json>   cases: [{ stack, team, outputs }]
const fs = require("fs");
const pulumi = require("@pulumi/pulumi");
const consumer = require("@reference-platform/consumer");

const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const outputsByStack = new Map(cases.map((c) => [c.stack, c.outputs]));
const registered = [];
pulumi.runtime.setMocks({
    newResource: (a) => {
        registered.push(`${a.type}::${a.name}`);
        return a.type === "pulumi:pulumi:StackReference"
            ? { id: a.inputs.name, state: { name: a.inputs.name, outputs: outputsByStack.get(a.inputs.name), secretOutputNames: [] } }
            : { id: `${a.name}-id`, state: a.inputs };
    },
    call: (a) => a.inputs,
}, "scratch", "check", false);

const runs = cases.map((c, i) => {
    // One program reading every environment's platform stack: on purpose.
    const platform = new consumer.PlatformReference(`platform-${i}`, { stack: c.stack, allowOtherEnvironment: true });
    return platform.resolve()
        .then((stack) => {
            const settings = consumer.serviceSettings(stack, { team: c.team });
            // What a program registers once the settings are known.
            new pulumi.CustomResource("scratch:index:Service", `service-${i}`, { namespace: settings.namespace });
            return { settings };
        })
        // A RunError is what the engine reports as its message alone, one line, under `pulumi up`.
        .catch((e) => ({ error: e.message, runError: pulumi.RunError.isInstance(e) }));
});

Promise.all(runs).then((results) => setTimeout(() => {
    const exportsLoaded = Object.fromEntries(["", "/contract", "/reference", "/settings", "/microservice"]
        .map((sub) => [`.${sub}`, Object.keys(require(`@reference-platform/consumer${sub}`)).sort()]));
    process.stdout.write(JSON.stringify({ node: process.versions.node, exportsLoaded, results, registered }));
}, 100));
