// The restricted Pod Security Standard, written once: what every pod and container the platform
// configures itself sets (the Microservice's pods, Jobs, and the chart values that reach a pod's
// securityContext). A chart or operator that already sets part of it gets only the missing keys.

/** The container runtime's default seccomp profile (restricted requires it, or Localhost). */
export const RUNTIME_DEFAULT_SECCOMP: { type: "RuntimeDefault" } = { type: "RuntimeDefault" };

export interface RestrictedPodSecurityContext {
    runAsNonRoot: true;
    runAsUser?: number;
    runAsGroup?: number;
    /** Makes mounted volumes writable by the group. */
    fsGroup?: number;
    seccompProfile: { type: "RuntimeDefault" };
}

export interface RestrictedContainerSecurityContext {
    privileged: false;
    allowPrivilegeEscalation: false;
    readOnlyRootFilesystem: true;
    runAsNonRoot: true;
    runAsUser?: number;
    runAsGroup?: number;
    capabilities: { drop: ["ALL"] };
    seccompProfile: { type: "RuntimeDefault" };
}

/** A pod that runs non-root under RuntimeDefault; numeric ids when the image names its user. */
export function restrictedPodSecurityContext(ids: { user?: number; group?: number; fsGroup?: number } = {}): RestrictedPodSecurityContext {
    return {
        runAsNonRoot: true,
        ...(ids.user === undefined ? {} : { runAsUser: ids.user }),
        ...(ids.group === undefined ? {} : { runAsGroup: ids.group }),
        ...(ids.fsGroup === undefined ? {} : { fsGroup: ids.fsGroup }),
        seccompProfile: { ...RUNTIME_DEFAULT_SECCOMP },
    };
}

/** A container with no privilege, no escalation, no capabilities and a read-only root filesystem. */
export function restrictedContainerSecurityContext(runAs?: { user: number; group: number }): RestrictedContainerSecurityContext {
    return {
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        ...(runAs ? { runAsUser: runAs.user, runAsGroup: runAs.group } : {}),
        capabilities: { drop: ["ALL"] },
        seccompProfile: { ...RUNTIME_DEFAULT_SECCOMP },
    };
}
