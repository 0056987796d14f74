// Label selectors as the API server evaluates them (matchLabels and matchExpressions).
export interface LabelSelector {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function matches(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
    if (!selector) return true;
    for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
    for (const e of selector.matchExpressions ?? []) {
        const has = Object.prototype.hasOwnProperty.call(labels, e.key);
        const ok = e.operator === "In" ? has && (e.values ?? []).includes(labels[e.key])
            : e.operator === "NotIn" ? !has || !(e.values ?? []).includes(labels[e.key])
                : e.operator === "Exists" ? has
                    : e.operator === "DoesNotExist" ? !has
                        : false;
        if (!ok) return false;
    }
    return true;
}
