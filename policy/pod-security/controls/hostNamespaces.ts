import { Control, Finding } from "./types";

const HOST_NAMESPACE_FIELDS = ["hostNetwork", "hostPID", "hostIPC"] as const;

export const hostNamespaces: Control = {
    id: "hostNamespaces",
    level: "baseline",
    sinceMinor: 0,
    check({ spec }) {
        const findings: Finding[] = [];
        for (const field of HOST_NAMESPACE_FIELDS) {
            if (spec?.[field] === true) findings.push({ subject: "pod", message: `sets ${field}=true` });
        }
        return findings;
    },
};
