/* global setTimeout */
// Runs examples/team-service (compiled to ./example) inside the scratch project under the SDK's
// mocks, its StackReference answering with a platform stack's real outputs, and prints what it
// registered and returned, or its error.
//   PULUMI_CONFIG=<the example's config> node example.js <outputs.json> <stack>
const fs = require("fs");
const pulumi = require("@pulumi/pulumi");

const outputs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const registered = [];
pulumi.runtime.setMocks({
    newResource: (a) => {
        registered.push({ type: a.type, name: a.name, inputs: a.inputs });
        return a.type === "pulumi:pulumi:StackReference"
            ? { id: a.inputs.name, state: { name: a.inputs.name, outputs, secretOutputNames: [] } }
            : { id: `${a.name}-id`, state: a.inputs };
    },
    call: (a) => a.inputs,
}, "team-service", process.argv[3], false);

const program = require("./example/index.js");
program()
    .then((result) => new Promise((resolve) => pulumi.output(result).apply(resolve)))
    .then((result) => ({ result }), (e) => ({ error: e.message }))
    .then((run) => setTimeout(() => process.stdout.write(JSON.stringify({ node: process.versions.node, ...run, registered })), 100));
