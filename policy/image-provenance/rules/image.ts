// What `image-provenance`'s rules share: the kinds (every pod template), every container (init,
// regular and ephemeral: each runs an image), each container's reference parsed in CEL
// (imageReference.ts), and the rule's shape: a list of problems, one text per container, judged
// as "none", reported joined by "; ".
import { ContainerField, containerProblems, containerVariables } from "../../admission/containers";
import { POD_TEMPLATE_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule, celBind, RuleCel } from "../../admission/rule";
import { parseImageCel } from "../imageReference";

export interface ImageProvenanceSettings {
    allowedRegistries: string[];
    requireDigest: boolean;
}

const FIELDS: readonly ContainerField[] = ["initContainers", "containers", "ephemeralContainers"];

/** CEL: the container `c` names an image (a non-empty one). */
export const HAS_IMAGE = "(has(c.image) && c.image != '')";

/** CEL: `c`'s image parsed (only where HAS_IMAGE holds). */
export const PARSED = parseImageCel("c.image");

/** CEL: `c`'s image is a valid reference and `test` holds of it, `r` being the parsed reference. */
export const validAnd = (test: string): string => `${HAS_IMAGE} && ${celBind("r", PARSED, `r.problem == '' && (${test})`)}`;

/** CEL: `text` about `c`'s valid reference, `r` being the parsed reference. */
export const aboutValid = (text: string): string => celBind("r", PARSED, text);

/** An image-provenance rule over every container; `define` gives the bad check and text, or undefined to make none. */
export function imageRule(control: string, define: (settings: ImageProvenanceSettings) => { bad: string; text: string } | undefined): AdmissionRule {
    return {
        policy: "image-provenance",
        control,
        targets: POD_TEMPLATE_TARGETS,
        cel: (settings): RuleCel | undefined => {
            const check = define(settings as ImageProvenanceSettings);
            if (check === undefined) return undefined;
            return {
                variables: [...containerVariables(FIELDS), { name: "problems", expression: containerProblems(FIELDS, [{ bad: check.bad, text: `': ' + (${check.text})` }]) }],
                expression: "size(variables.problems) == 0",
                messageExpression: "variables.problems.join('; ')",
            };
        },
    };
}
