// The app-of-apps root Application: it syncs the platform's Application manifests from Git.
import type { IApplicationSpec } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSpec";
import type { ISyncPolicy } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/SyncPolicy";
import { GitOpsSettings, SyncPolicySettings } from "./settings";
import { IN_CLUSTER_SERVER, PLATFORM_PROJECT } from "./appProjects";

export const ROOT_APPLICATION = "platform-root";

/** Automated sync (with prune and selfHeal as configured) only when the profile asks for it. */
export function syncPolicy(policy: SyncPolicySettings): ISyncPolicy {
    return {
        ...(policy.automated ? { automated: { prune: policy.prune, selfHeal: policy.selfHeal } } : {}),
        // Namespaces belong to the tenancy component, never to Git.
        syncOptions: ["CreateNamespace=false", "ServerSideApply=true"],
    };
}

export function rootApplicationSpec(settings: Pick<GitOpsSettings, "rootApp" | "syncPolicy">, argocdNamespace: string): IApplicationSpec {
    return {
        project: PLATFORM_PROJECT,
        source: {
            repoURL: settings.rootApp.repoURL,
            path: settings.rootApp.path,
            targetRevision: settings.rootApp.targetRevision,
        },
        destination: { server: IN_CLUSTER_SERVER, namespace: argocdNamespace },
        syncPolicy: syncPolicy(settings.syncPolicy),
    };
}
