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

export function recommendedLabels(input: LabelInput): Record<string, string> {
    const labels: Record<string, string> = {
        "app.kubernetes.io/name": input.name,
        "app.kubernetes.io/instance": input.instance ?? input.name,
        "app.kubernetes.io/part-of": input.partOf ?? PART_OF,
        "app.kubernetes.io/managed-by": MANAGED_BY,
    };
    if (input.version) labels["app.kubernetes.io/version"] = input.version;
    if (input.component) labels["app.kubernetes.io/component"] = input.component;
    if (input.team) labels["platform.example.com/team"] = input.team;
    if (input.env) labels["platform.example.com/env"] = input.env;
    return labels;
}
