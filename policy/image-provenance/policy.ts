// `image-provenance`: every image is a valid reference, pinned (a tag other than latest, or a
// digest), and comes from one of the stack's allowed registries (host and path segments).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configSpec, readConfig, WithExemptions } from "../lib/config";
import { containersOf, describeContainer } from "../lib/containers";
import { imageName, parseImageReference, parseRegistryPrefix, RegistryPrefix, registryPrefixCovers } from "@reference-platform/grammar";
import { notApplicable } from "../lib/notApplicable";
import { argsRef, withDefaultNamespace } from "../lib/objectRef";
import { podTemplateOf } from "../lib/podTemplate";
import { reporterFor } from "../lib/report";

/** A host (optionally with a port) and optional lower-case path segments. */
const REGISTRY_ENTRY_PATTERN = "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$";

interface ImageProvenanceConfig extends WithExemptions {
    allowedRegistries: string[];
    requireDigest: boolean;
}

const spec = configSpec("image-provenance", ["malformed", "unpinned", "digest", "registry"], {
    allowedRegistries: {
        type: "array",
        items: { type: "string", pattern: REGISTRY_ENTRY_PATTERN },
        default: [],
        description: "Registries, or registry/path prefixes, images may come from (e.g. \"docker.io/library\", \"ghcr.io/stefanprodan\"), " +
            "matched by host and whole path segments. Docker Hub short names count as docker.io/library.",
    },
    requireDigest: {
        type: "boolean",
        default: false,
        description: "Whether images must be pinned by digest rather than by tag.",
    },
});

export interface ImageProblem {
    control: string;
    message: string;
}

const entryCache = new Map<string, RegistryPrefix>();
const entryOf = (entry: string): RegistryPrefix => {
    let parsed = entryCache.get(entry);
    if (!parsed) entryCache.set(entry, (parsed = parseRegistryPrefix(entry)));
    return parsed;
};

export function imageProblems(image: unknown, config: ImageProvenanceConfig): ImageProblem[] {
    if (typeof image !== "string" || image === "") return [{ control: "malformed", message: "sets no image" }];
    const parsed = parseImageReference(image);
    if (!parsed.ok) return [{ control: "malformed", message: `image "${image}" is not a valid reference: it ${parsed.problem}` }];
    const ref = parsed.ref;
    const problems: ImageProblem[] = [];
    if (!ref.digest) {
        if (config.requireDigest) problems.push({ control: "digest", message: `image "${image}" is not pinned by digest` });
        else if (ref.tag === undefined) problems.push({ control: "unpinned", message: `image "${image}" has no tag, so it floats on latest` });
        else if (ref.tag === "latest") problems.push({ control: "unpinned", message: `image "${image}" uses the latest tag` });
    }
    if (!config.allowedRegistries.some((entry) => registryPrefixCovers(entryOf(entry), ref))) {
        problems.push({
            control: "registry",
            message: `image "${image}" (${imageName(ref)}) is not from an allowed registry: ${config.allowedRegistries.join(", ") || "none configured"}`,
        });
    }
    return problems;
}

export const imageProvenance: ResourceValidationPolicy = {
    name: "image-provenance",
    description: "Container images are pinned to a tag other than latest or to a digest, and come from allowed registries.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: spec.schema,
    validateResource: (args, report) => {
        const pod = podTemplateOf(args.type, args.props);
        if (!pod) return notApplicable(args, "not a Pod or a pod template");
        const config = readConfig<ImageProvenanceConfig>(args, spec);
        const reportObject = reporterFor(report, withDefaultNamespace(argsRef(args)), config.exemptions);
        for (const entry of containersOf(pod.spec)) {
            for (const problem of imageProblems(entry.container.image, config)) reportObject(problem.control, `${describeContainer(entry)}: ${problem.message}`);
        }
    },
};
