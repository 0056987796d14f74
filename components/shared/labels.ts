// The Kubernetes recommended labels, plus the platform's team/env labels.
export const PART_OF = "platform";
export const MANAGED_BY = "pulumi";

export interface LabelInput {
    name: string;
    instance?: string;
    version?: string;
    component?: string;
    partOf?: string;
    team?: string;
    env?: string;
}

export function recommendedLabels(l: LabelInput): Record<string, string> {
    const labels: Record<string, string> = {
        "app.kubernetes.io/name": l.name,
        "app.kubernetes.io/instance": l.instance ?? l.name,
        "app.kubernetes.io/part-of": l.partOf ?? PART_OF,
        "app.kubernetes.io/managed-by": MANAGED_BY,
    };
    if (l.version) labels["app.kubernetes.io/version"] = l.version;
    if (l.component) labels["app.kubernetes.io/component"] = l.component;
    if (l.team) labels["platform.example.com/team"] = l.team;
    if (l.env) labels["platform.example.com/env"] = l.env;
    return labels;
}
