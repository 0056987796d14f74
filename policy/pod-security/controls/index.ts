// Every Pod Security Standards control, baseline first, in the order of the standard.
import { allowPrivilegeEscalation } from "./allowPrivilegeEscalation";
import { appArmorProfile } from "./appArmorProfile";
import { capabilitiesBaseline } from "./capabilitiesBaseline";
import { capabilitiesRestricted } from "./capabilitiesRestricted";
import { hostNamespaces } from "./hostNamespaces";
import { hostPathVolumes } from "./hostPathVolumes";
import { hostPorts } from "./hostPorts";
import { hostProbesAndHostLifecycle } from "./hostProbesAndHostLifecycle";
import { privileged } from "./privileged";
import { procMount } from "./procMount";
import { procMountRestricted } from "./procMountRestricted";
import { restrictedVolumes } from "./restrictedVolumes";
import { runAsNonRoot } from "./runAsNonRoot";
import { runAsUser } from "./runAsUser";
import { seccompProfileBaseline } from "./seccompProfileBaseline";
import { seccompProfileRestricted } from "./seccompProfileRestricted";
import { seLinuxOptions } from "./seLinuxOptions";
import { sysctls } from "./sysctls";
import { Control } from "./types";
import { windowsHostProcess } from "./windowsHostProcess";

export const CONTROLS: readonly Control[] = [
    hostNamespaces, privileged, capabilitiesBaseline, hostPathVolumes, hostPorts, appArmorProfile, seLinuxOptions,
    procMount, seccompProfileBaseline, sysctls, windowsHostProcess, hostProbesAndHostLifecycle,
    restrictedVolumes, allowPrivilegeEscalation, runAsNonRoot, runAsUser, seccompProfileRestricted,
    capabilitiesRestricted, procMountRestricted,
];

export * from "./types";
