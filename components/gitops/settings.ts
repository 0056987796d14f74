// GitOps's settings contract (platform:gitops): Argo CD's availability and the root application.
import { z } from "zod";
import { repositoryUrl } from "@reference-platform/consumer/shared/fields";

export const syncPolicySchema = z.strictObject({ automated: z.boolean(), prune: z.boolean(), selfHeal: z.boolean() });

export const gitOpsSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    highAvailability: z.boolean(),
    rootApp: z.strictObject({
        repoURL: repositoryUrl(/^(https:\/\/|ssh:\/\/|git@)/, "must be an https://, ssh:// or git@ URL"),
        path: z.string().min(1),
        targetRevision: z.string().min(1),
    }),
    syncPolicy: syncPolicySchema,
});

export type SyncPolicySettings = z.output<typeof syncPolicySchema>;
export type GitOpsSettings = z.output<typeof gitOpsSettingsSchema>;
