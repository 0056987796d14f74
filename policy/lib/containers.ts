// Every container of a pod spec, in the order admission visits them: init, regular, ephemeral.

export type ContainerField = "initContainers" | "containers" | "ephemeralContainers";

export interface ContainerEntry {
    field: ContainerField;
    name: string;
    container: Record<string, any>;
}

const FIELDS: readonly ContainerField[] = ["initContainers", "containers", "ephemeralContainers"];

const LABELS: Record<ContainerField, string> = {
    initContainers: "init container",
    containers: "container",
    ephemeralContainers: "ephemeral container",
};

export function containersOf(spec: Record<string, any>): ContainerEntry[] {
    const entries: ContainerEntry[] = [];
    for (const field of FIELDS) {
        const list = spec?.[field];
        if (!Array.isArray(list)) continue;
        for (const container of list) {
            entries.push({ field, name: String(container?.name ?? ""), container: container ?? {} });
        }
    }
    return entries;
}

/** `container "app"`, `init container "setup"`, `ephemeral container "debugger"`. */
export function describeContainer(entry: Pick<ContainerEntry, "field" | "name">): string {
    return `${LABELS[entry.field]} "${entry.name}"`;
}
