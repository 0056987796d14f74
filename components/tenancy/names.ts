// The tenancy names other parts of the platform read: the label that marks a namespace as a
// team's (true) or the platform's (false), and the name of the NetworkPolicy that denies a tenant
// namespace all traffic its other policies do not allow. The policy pack is told both through its
// config (infra/policyConfig/base.ts), which imports them from here.

/** On every namespace the platform creates: "true" for a team's, "false" for the platform's own. */
export const TENANT_LABEL = "platform.example.com/tenant";

/** The NetworkPolicy in each team namespace that denies all ingress and egress by default. */
export const DEFAULT_DENY_POLICY = "default-deny";

/**
 * On a team namespace: the team's cross-team declarations (platform:tenancy.teams[].services), as
 * JSON, for the policy pack. The consumer package's, which a team's Microservice records its own on.
 */
export { CROSS_TEAM_ANNOTATION } from "@reference-platform/consumer/shared/crossTeamCalls";
