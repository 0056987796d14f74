// Where each workload kind keeps its pod: the object itself for a Pod, a template elsewhere.
import { kubeType } from "./kubeType";

export interface PodTemplate {
    /** The pod's metadata (annotations, labels); {} when absent. */
    metadata: Record<string, any>;
    /** The pod spec; {} when absent. */
    spec: Record<string, any>;
}

type TemplateLocator = (props: Record<string, any>) => Record<string, any> | undefined;

interface TemplateKind {
    groups: readonly string[];
    locate: TemplateLocator;
}

const specTemplate: TemplateLocator = (p) => p?.spec?.template;

export const POD_TEMPLATE_KINDS: Readonly<Record<string, TemplateKind>> = {
    Pod: { groups: [""], locate: (p) => p },
    PodTemplate: { groups: [""], locate: (p) => p?.template },
    ReplicationController: { groups: [""], locate: specTemplate },
    ReplicaSet: { groups: ["apps", "extensions"], locate: specTemplate },
    Deployment: { groups: ["apps", "extensions"], locate: specTemplate },
    StatefulSet: { groups: ["apps"], locate: specTemplate },
    DaemonSet: { groups: ["apps", "extensions"], locate: specTemplate },
    Job: { groups: ["batch"], locate: specTemplate },
    CronJob: { groups: ["batch"], locate: (p) => p?.spec?.jobTemplate?.spec?.template },
};

export function isPodTemplateType(type: string): boolean {
    const t = kubeType(type);
    if (!t) return false;
    const kind = POD_TEMPLATE_KINDS[t.kind];
    return kind !== undefined && kind.groups.includes(t.group);
}

/** The pod of a workload object, or undefined when the type carries none. */
export function podTemplateOf(type: string, props: Record<string, any>): PodTemplate | undefined {
    if (!isPodTemplateType(type)) return undefined;
    const template = POD_TEMPLATE_KINDS[kubeType(type)!.kind].locate(props);
    return { metadata: template?.metadata ?? {}, spec: template?.spec ?? {} };
}
