// `image-provenance`: every image is a valid reference, pinned (a tag other than latest, or a
// digest), and comes from one of the stack's allowed registries (host and path segments). Each
// rule is CEL (rules/; the reference grammar in imageReference.ts), judged here per object at
// `pulumi up` and by the API server at admission from the same text (policy/admission).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { judgeResource, rulesFor } from "../admission/judge";
import { readConfig, WithExemptions } from "../lib/config";
import { notApplicable } from "../lib/notApplicable";
import { IMAGE_PROVENANCE } from "./admissionRules";
import { ImageProvenanceSettings } from "./rules/image";

export const imageProvenance: ResourceValidationPolicy = {
    name: "image-provenance",
    description: "Container images are pinned to a tag other than latest or to a digest, and come from allowed registries.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: IMAGE_PROVENANCE.spec.schema,
    validateResource: (args, report) => {
        if (rulesFor(IMAGE_PROVENANCE.rules, args.type).length === 0) return notApplicable(args, "not a Pod or a pod template");
        const config = readConfig<WithExemptions & ImageProvenanceSettings>(args, IMAGE_PROVENANCE.spec);
        judgeResource(IMAGE_PROVENANCE.rules, config, config.exemptions, args, report);
    },
};
