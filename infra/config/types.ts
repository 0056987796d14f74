// The validated, immutable configuration of one stack. Built by `loadPlatformConfig` from the
// environment profile (stacks/<profile>/profile.ts) with the stack's knobs merged on top, in the
// shape of the schema composed from the components' settings (./schema). Components receive only
// their slice of it; none reads pulumi.Config itself.
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { EnvironmentProfile, ProfileName } from "../../stacks/environmentProfile";
import type { ProfileSchema, providerSchema } from "./schema";

export { PROFILE_NAMES } from "../../stacks/environmentProfile";
export type { EnvironmentProfile, ProfileName } from "../../stacks/environmentProfile";

/** A profile merged with the stack's knobs, as validated. */
export type ValidatedProfile = z.output<ProfileSchema>;
export type ProviderSettings = z.output<typeof providerSchema>;

export interface PlatformSecrets {
    /** Raw kubeconfig contents; when absent the provider uses the ambient kubeconfig file. */
    kubeconfig?: pulumi.Output<string>;
    /** Alertmanager webhook for critical alerts (e.g. a pager integration). */
    alertWebhookUrl?: pulumi.Output<string>;
    /** The dev store's contents (platform:secretStoreSeed): remote key -> property -> value. */
    secretStoreSeed?: Record<string, Record<string, pulumi.Output<string>>>;
}

export interface PlatformConfig extends ValidatedProfile {
    stack: string;
    profile: ProfileName;
    provider: ProviderSettings;
    /** platform:chartDirectory, absolute: every chart installs from its archives (./chartDirectory). */
    chartDirectory?: string;
    secrets: PlatformSecrets;
}

/** True when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Keyed by chart key in the schema, by any string in the stacks' type (stacks do not import infra/charts). */
type ChartMaps = "chartRepositories" | "httpChartRepositories" | "chartValues";
type AssertTrue<T extends true> = T;
/** Fails to compile when the profile type the stacks write and the composed schema drift apart. */
export type ProfileMatchesSchema = AssertTrue<Same<Omit<ValidatedProfile, ChartMaps>, Omit<EnvironmentProfile, ChartMaps>>>;
