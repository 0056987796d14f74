// Stops a script or test run that started on a Node older than package.json's engines.node, with
// the reason. Imported first by the npm scripts' entry points and by mocha (.mocharc.json).
// `npm ci` installs Node 22 from the `node` devDependency through its install script, and npm puts
// it first on the scripts' PATH; after `npm ci --ignore-scripts` it is missing and the system Node
// runs instead, on which @pulumi/pulumi is not supported.
import * as fs from "fs";
import * as path from "path";

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { engines: { node: string } };
const required = Number(/\d+/.exec(manifest.engines.node)?.[0]);
const running = Number(process.versions.node.split(".")[0]);

if (running < required) {
    process.stderr.write(
        `This project needs Node ${manifest.engines.node} (package.json engines.node), but ${process.execPath} is Node ${process.versions.node}.\n` +
        "`npm ci` installs Node 22 from the `node` devDependency through its install script; after `npm ci --ignore-scripts`\n" +
        "it is missing. Run `npm rebuild node` to install it, or put Node 22+ first on your PATH (e.g. `nvm install 22`).\n");
    process.exit(1);
}
