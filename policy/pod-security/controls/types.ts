// The shape of one Pod Security Standards control, mirroring upstream Pod Security Admission:
// a level, the Kubernetes minor version it appeared in, and the baseline controls it replaces
// when evaluated at restricted.
import { ContainerEntry } from "../../lib/containers";

export type PssLevel = "baseline" | "restricted";

export interface PodView {
    metadata: Record<string, any>;
    spec: Record<string, any>;
    containers: ContainerEntry[];
}

/** What is wrong, and where: `pod`, `container "app"`, `volume "data"`, `annotation "..."`. */
export interface Finding {
    subject: string;
    message: string;
    /** The finding is about a required field left unset (a patch leaves such fields to the live object). */
    unset?: boolean;
}

export interface Control {
    /** Upstream check ID, e.g. "hostNamespaces", "capabilities_restricted". */
    id: string;
    level: PssLevel;
    /** First Kubernetes 1.x minor version in which the control applies. */
    sinceMinor: number;
    /** Baseline control IDs this control replaces at the restricted level. */
    overrides?: readonly string[];
    /** `minor` is the Kubernetes minor version whose semantics apply. */
    check(pod: PodView, minor: number): Finding[];
}
