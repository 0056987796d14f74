// Kubernetes label selector matching (matchLabels and matchExpressions).

export function selectorMatches(selector: Record<string, any> | undefined, labels: Record<string, string>): boolean {
    if (!selector) return false;
    for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
        if (labels[key] !== value) return false;
    }
    for (const expression of selector.matchExpressions ?? []) {
        const present = Object.prototype.hasOwnProperty.call(labels, expression.key);
        const values: string[] = expression.values ?? [];
        switch (expression.operator) {
            case "In": if (!present || !values.includes(labels[expression.key])) return false; break;
            case "NotIn": if (present && values.includes(labels[expression.key])) return false; break;
            case "Exists": if (!present) return false; break;
            case "DoesNotExist": if (present) return false; break;
            default: return false;
        }
    }
    return true;
}

/** An empty selector ({} or absent lists) selects every pod. */
export function isEmptySelector(selector: Record<string, any> | undefined): boolean {
    return selector !== undefined && selector !== null &&
        Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
