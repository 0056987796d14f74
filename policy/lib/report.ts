// Reporting through exemptions, control by control: a violation of a control an exemption names is
// dropped; one whose only matching exemption has expired is reported with a note giving the date.
import { ReportViolation } from "@pulumi/policy";
import { decideExemption, Exemption, expiredNote } from "./exemptions";
import { describeRef, ObjectRef } from "./objectRef";

export type ObjectReporter = (control: string, message: string) => void;

export function reporterFor(
    report: ReportViolation, ref: ObjectRef, exemptions: readonly Exemption[], urn?: string,
): ObjectReporter {
    return (control, message) => {
        const decision = decideExemption(exemptions, ref, control);
        if (decision.exempt) return;
        const note = decision.expired ? expiredNote(decision.expired) : "";
        report(`${describeRef(ref)}: ${message}${note}`, urn);
    };
}
