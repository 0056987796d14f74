// Reporting through exemptions: a violation on an exempt object is dropped; one whose only
// matching exemption has expired is reported with a note saying so.
import { ReportViolation } from "@pulumi/policy";
import { decideExemption, Exemption, expiredNote } from "./exemptions";
import { describeRef, ObjectRef } from "./objectRef";

export type ObjectReporter = (message: string) => void;

export function reporterFor(
    report: ReportViolation, ref: ObjectRef, exemptions: readonly Exemption[], urn?: string,
): ObjectReporter {
    const decision = decideExemption(exemptions, ref);
    return (message) => {
        if (decision.exempt) return;
        const note = decision.expired ? expiredNote(decision.expired) : "";
        report(`${describeRef(ref)}: ${message}${note}`, urn);
    };
}
