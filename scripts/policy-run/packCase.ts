// One admission case of the pack (admissionCases.ts, rbacCases.ts): its own module, so each
// policy's cases can live in a file of their own that ALL_CASES gathers.
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { AnalyzedResource as HarnessResource } from "./index";

export interface PackCase {
    title: string;
    policy: StackValidationPolicy | ResourceValidationPolicy;
    resources: HarnessResource[];
    /** The object the case is about: "<Kind>::<Pulumi name>", the end of its URN. */
    subject: string;
    /** The start of the pack's message for it; undefined when it must pass. */
    expected?: string;
    /**
     * The verdict depends on the namespace's name (a platform namespace the stack's config allows
     * something in), so on a real cluster the case goes to that namespace, not a renamed copy.
     */
    inPlace?: boolean;
}
