// Grouping into a Map of lists in place: appending by copying the list (`[...list, item]`) made
// grouping quadratic in the size of the group, e.g. every Service of one big namespace.
export function appendTo<K, V>(groups: Map<K, V[]>, key: K, ...values: V[]): void {
    const list = groups.get(key);
    if (list) list.push(...values);
    else groups.set(key, values);
}
