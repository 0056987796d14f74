// Whether a second apply changed anything the platform declares, from the object as read just
// before it and as the server answered it.
/** Every leaf path whose value differs between two content snapshots. */
function differences(a: unknown, b: unknown, path: string[] = []): string[][] {
    if (JSON.stringify(a) === JSON.stringify(b)) return [];
    if (a && b && typeof a === "object" && typeof b === "object") {
        return [...new Set([...Object.keys(a), ...Object.keys(b)])]
            .flatMap((k) => differences((a as any)[k], (b as any)[k], [...path, k]));
    }
    return [path];
}

const declares = (sent: unknown, path: string[]): boolean =>
    path.reduce<any>((node, key) => (node && typeof node === "object" ? node[key] : undefined), sent) !== undefined;

/**
 * What the second apply changed of what the platform declares: differences in fields the sent
 * manifest sets. A controller that moved a field the platform leaves to it between the two reads
 * (an HPA scaling `spec.replicas`, with the generation it bumps) is not the apply's doing.
 */
export function changedByApply(before: string | undefined, after: string | undefined, sent: unknown): string | undefined {
    const diffs = differences(before ? JSON.parse(before) : undefined, after ? JSON.parse(after) : undefined)
        .filter((p) => p.join(".") !== "metadata.generation" && (p.length === 0 || declares(sent, p)));
    return diffs.length ? diffs.map((p) => `.${p.join(".")}`).slice(0, 5).join(", ") : undefined;
}
