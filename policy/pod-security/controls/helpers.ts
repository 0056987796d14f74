// Small readers shared by the controls. Every field may be absent.
import { ContainerEntry } from "../../lib/containers";

export const quoteList = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(", ");

export const podSecurityContext = (spec: Record<string, any>): Record<string, any> => spec?.securityContext ?? {};

export const containerSecurityContext = (entry: ContainerEntry): Record<string, any> => entry.container?.securityContext ?? {};

/** Pods that declare a Windows OS are exempt from the Linux-only restricted controls. */
export const isWindowsPod = (spec: Record<string, any>): boolean => spec?.os?.name === "windows";

/** Since 1.35, pods in their own user namespace (hostUsers: false) are relaxed for some controls. */
export const usesUserNamespace = (spec: Record<string, any>): boolean => spec?.hostUsers === false;

export const SECCOMP_ALLOWED_TYPES: readonly string[] = ["RuntimeDefault", "Localhost"];
