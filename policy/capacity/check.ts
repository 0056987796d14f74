// What each capacity check gets: the indexed stack, the sized workloads per namespace and a
// reporter for the object a finding is about.
import { ClusterIndex, IndexedObject } from "../lib/clusterIndex";
import { SizedWorkload } from "./workloads";

export interface CapacityContext {
    index: ClusterIndex;
    workloads: ReadonlyMap<string, readonly SizedWorkload[]>;
    report(object: IndexedObject, message: string): void;
}

export type CapacityCheck = (ctx: CapacityContext) => void;
