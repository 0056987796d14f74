import { Control, Finding } from "./types";

export const hostPathVolumes: Control = {
    id: "hostPathVolumes",
    level: "baseline",
    sinceMinor: 0,
    check({ spec }) {
        const findings: Finding[] = [];
        for (const volume of spec?.volumes ?? []) {
            if (volume?.hostPath != null) {
                findings.push({ subject: `volume "${volume.name}"`, message: `mounts hostPath ${volume.hostPath.path ?? ""}`.trimEnd() });
            }
        }
        return findings;
    },
};
