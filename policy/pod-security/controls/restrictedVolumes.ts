// Restricted pods may only use volume types that cannot reach the node or external storage
// directly: everything else (hostPath, nfs, iscsi, ...) is forbidden.
import { quoteList } from "./helpers";
import { Control, Finding } from "./types";

const ALLOWED_SOURCES: readonly string[] = [
    "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
];

const KNOWN_FORBIDDEN_SOURCES: readonly string[] = [
    "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
    "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
    "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
];

export const restrictedVolumes: Control = {
    id: "restrictedVolumes",
    level: "restricted",
    sinceMinor: 0,
    overrides: ["hostPathVolumes"],
    check({ spec }) {
        const findings: Finding[] = [];
        for (const volume of spec?.volumes ?? []) {
            if (ALLOWED_SOURCES.some((source) => volume?.[source] != null)) continue;
            // A volume with no source is defaulted to emptyDir by the API server before admission.
            if (Object.entries(volume ?? {}).every(([key, value]) => key === "name" || value == null)) continue;
            const type = KNOWN_FORBIDDEN_SOURCES.find((source) => volume?.[source] != null) ?? "unknown";
            findings.push({
                subject: `volume "${volume?.name}"`,
                message: `uses restricted volume type ${quoteList([type])}; allowed: ${ALLOWED_SOURCES.join(", ")}`,
            });
        }
        return findings;
    },
};
