// PodDisruptionBudgets indexed by namespace and one matchLabels pair each, so finding the budgets
// of a workload costs a lookup per pod label instead of a scan of every budget in the namespace.
import { PolicyResource } from "@pulumi/policy";
import { selectorMatches } from "../lib/labelSelector";
import { refOf } from "../lib/stackResources";

export class BudgetIndex {
    private readonly byLabel = new Map<string, PolicyResource[]>();
    /** Budgets with no matchLabels (expressions only, or an empty selector), per namespace. */
    private readonly unlabelled = new Map<string, PolicyResource[]>();

    constructor(budgets: readonly PolicyResource[]) {
        for (const pdb of budgets) {
            const namespace = refOf(pdb).namespace ?? "default";
            const first = Object.entries<string>(pdb.props.spec?.selector?.matchLabels ?? {})[0];
            const key = first ? `${namespace}\u0000${first[0]}=${first[1]}` : namespace;
            const index = first ? this.byLabel : this.unlabelled;
            const list = index.get(key);
            if (list) list.push(pdb);
            else index.set(key, [pdb]);
        }
    }

    /** The budgets in `namespace` whose selector selects pods with `labels`. */
    selecting(namespace: string, labels: Record<string, string>): PolicyResource[] {
        const candidates = [...(this.unlabelled.get(namespace) ?? [])];
        for (const [key, value] of Object.entries(labels)) candidates.push(...(this.byLabel.get(`${namespace}\u0000${key}=${value}`) ?? []));
        return candidates.filter((pdb) => pdb.props.spec?.selector != null && selectorMatches(pdb.props.spec.selector, labels));
    }
}
