// The Namespace an object is in, as CEL reads it: `namespaceObject`'s labels, an empty map when it
// has none. The API server passes the live Namespace; the pack passes the stack's (judge.ts).

/** CEL: the object's namespace labels. */
export const NAMESPACE_LABELS = {
    name: "namespaceLabels",
    expression: "namespaceObject != null && has(namespaceObject.metadata.labels) ? namespaceObject.metadata.labels : {}",
} as const;

/** CEL: the namespace carries `label` with value `value`. */
export const namespaceLabelIs = (label: string, value: string): string =>
    `(${JSON.stringify(label)} in variables.namespaceLabels && variables.namespaceLabels[${JSON.stringify(label)}] == ${JSON.stringify(value)})`;
