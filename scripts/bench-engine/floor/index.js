// The floor `npm run bench:engine` measures the platform against: the objects `npm run plan --
// --render` wrote for a stack, deployed by the one resource the provider offers for a directory of
// manifests. What the platform's program costs beyond this is its own work.
const pulumi = require("@pulumi/pulumi");
const k8s = require("@pulumi/kubernetes");

const config = new pulumi.Config("engine-floor");
new k8s.yaml.v2.ConfigGroup("plan", { files: [`${config.require("planDirectory")}/**/*.yaml`] });
