// The shop's real resources (the program under mocks) as the policy harness takes them, plus
// helpers that change one object of a copy.
import { runOk } from "../../harness";
import { HarnessResource } from "../harness";

export function programResources(stack: string): HarnessResource[] {
    return runOk(stack).resources.filter((r) => r.urn)
        .map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: structuredClone(r.inputs), dependencies: r.dependencies, parent: r.parent }));
}

/** A copy of `resources` where `mutate` changed the one object of `kind` named `namespace/name`. */
export function changed(resources: readonly HarnessResource[], kind: string, ref: string, mutate: (props: Record<string, any>) => void): HarnessResource[] {
    const [namespace, name] = ref.split("/");
    const copy = structuredClone(resources) as HarnessResource[];
    const target = copy.filter((r) => r.type.endsWith(`:${kind}`) && r.props.metadata?.name === name && (r.props.metadata?.namespace ?? "default") === namespace);
    if (target.length !== 1) throw new Error(`expected one ${kind} ${ref}, found ${target.length}`);
    mutate(target[0].props);
    return copy;
}

let counter = 0;

/** A new object of the stack, e.g. a second VirtualService; `parent` for a chart-rendered one. */
export function object(type: string, namespace: string, name: string, rest: Record<string, any>, parent?: string): HarnessResource {
    const urn = `urn:pulumi:test::platform::${type}::added-${name}-${counter++}`;
    return { type, name, urn, parent, dependencies: [], props: { metadata: { name, namespace }, ...rest } };
}

export function chartUrn(resources: readonly HarnessResource[], name: string): string {
    const chart = resources.find((r) => r.type === "kubernetes:helm.sh/v4:Chart" && r.name === name);
    if (!chart) throw new Error(`no chart ${name}`);
    return chart.urn;
}
