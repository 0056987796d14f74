// `image-provenance`: every image is pinned (a tag other than latest, or a digest) and comes from
// one of the stack's allowed registries.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchema, readConfig, WithExemptions } from "../lib/config";
import { containersOf, describeContainer } from "../lib/containers";
import { imageName, parseImageRef, registryAllows } from "../lib/imageRef";
import { objectRef, withDefaultNamespace } from "../lib/objectRef";
import { podTemplateOf } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";

interface ImageProvenanceConfig extends WithExemptions {
    allowedRegistries: string[];
    requireDigest: boolean;
}

const schema = configSchema({
    allowedRegistries: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description: "Registries, or registry/path prefixes, images may come from (e.g. \"docker.io\", \"ghcr.io/stefanprodan\"). " +
            "Docker Hub short names count as docker.io.",
    },
    requireDigest: {
        type: "boolean",
        default: false,
        description: "Whether images must be pinned by digest rather than by tag.",
    },
});

export function imageProblems(image: unknown, config: ImageProvenanceConfig): string[] {
    if (typeof image !== "string" || image.trim() === "") return ["sets no image"];
    const ref = parseImageRef(image);
    const problems: string[] = [];
    if (!ref.digest) {
        if (config.requireDigest) problems.push(`image "${image}" is not pinned by digest`);
        else if (ref.tag === undefined) problems.push(`image "${image}" has no tag, so it floats on latest`);
        else if (ref.tag === "latest") problems.push(`image "${image}" uses the latest tag`);
    }
    if (!config.allowedRegistries.some((entry) => registryAllows(entry, ref))) {
        problems.push(`image "${image}" (${imageName(ref)}) is not from an allowed registry: ${config.allowedRegistries.join(", ") || "none configured"}`);
    }
    return problems;
}

export const imageProvenance: ResourceValidationPolicy = {
    name: "image-provenance",
    description: "Container images are pinned to a tag other than latest or to a digest, and come from allowed registries.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: schema,
    validateResource: (args, report) => {
        const pod = podTemplateOf(args.type, args.props);
        if (!pod) return args.notApplicable("not a Pod or a pod template");
        const config = readConfig<ImageProvenanceConfig>(args, schema);
        const reportObject = reporterFor(report, withDefaultNamespace(objectRef(args.type, args.props, args.name)), config.exemptions);
        for (const entry of containersOf(pod.spec)) {
            for (const problem of imageProblems(entry.container.image, config)) reportObject(`${describeContainer(entry)}: ${problem}`);
        }
    },
};
