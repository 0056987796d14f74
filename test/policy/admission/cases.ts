// The pack's own admission-rule cases: data shared with cluster:verify, so they live beside the
// other shared fixtures (scripts/policy-run).
export * from "../../../scripts/policy-run/admissionCases";
