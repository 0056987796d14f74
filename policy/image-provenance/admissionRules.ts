// `image-provenance`'s rules and config: each a CEL admission rule (policy/admission/rule.ts), in
// the order of the policy's controls.
import { AdmissionRuleSet } from "../admission/rule";
import { configSpec } from "../lib/config";
import { digest } from "./rules/digest";
import { malformed } from "./rules/malformed";
import { registry } from "./rules/registry";
import { unpinned } from "./rules/unpinned";

/** A host (optionally with a port) and optional lower-case path segments. */
const REGISTRY_ENTRY_PATTERN = "^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$";

const rules = [malformed, unpinned, digest, registry];

export const IMAGE_PROVENANCE: AdmissionRuleSet = {
    spec: configSpec("image-provenance", rules.map((r) => r.control), {
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
    }),
    rules,
};
