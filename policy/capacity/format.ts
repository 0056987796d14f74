// Quantities back in Kubernetes notation, for messages: cores as `2` or `2500m`, bytes in the
// largest binary unit that shows them exactly to one decimal (`5.5Gi`, `5631Mi`).
import { Resource } from "./workloads";

const BINARY: Array<[string, number]> = [["Ti", 2 ** 40], ["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]];

const trim = (n: number) => String(Number(n.toFixed(3)));

export function formatQuantity(resource: Resource | "pods", value: number): string {
    if (resource === "pods") return String(value);
    if (resource === "cpu") return Number.isInteger(value) ? String(value) : `${trim(value * 1000)}m`;
    const exact = BINARY.find(([, size]) => value >= size && Number.isInteger((value / size) * 10));
    if (exact) return `${trim(value / exact[1])}${exact[0]}`;
    const largest = BINARY.find(([, size]) => value >= size);
    return largest ? `${trim(value / largest[1])}${largest[0]}` : String(value);
}
