// The floor `npm run bench:engine` measures the platform against: the objects `npm run plan --
// --render` wrote for a stack, deployed by the one resource the provider offers for a list of
// manifests. What the platform's program costs beyond this is its own work.
const fs = require("fs");
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const k8s = require("@pulumi/kubernetes");
const { parse } = require("yaml");

const dir = new pulumi.Config("engine-floor").require("planDirectory");
const objs = fs.readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => {
        const text = fs.readFileSync(path.join(dir, file), "utf8");
        const obj = parse(text);
        // The plan leaves out a name Pulumi generates at deploy time; the floor names it after the
        // resource, as Pulumi's prefix does (the URN on the file's first line ends with it).
        if (!obj.metadata.name) obj.metadata.name = text.split("\n", 1)[0].split("::").pop();
        return obj;
    });
new k8s.yaml.v2.ConfigGroup("plan", { objs });
