// Which of the values a chart is given change nothing in what it renders. A value path is inert
// when rendering without it yields the same objects (parsed, hooks dropped as the v4 Chart drops
// them). Whole subtrees are tried first; only a subtree whose removal changes the render is
// opened further, so a chart with hundreds of leaves needs a few dozen renders.
import * as os from "os";
import { isDeepStrictEqual } from "util";
import { Manifest, manifestObjects } from "./chartChildren";
import { helmTemplate, TemplateRequest } from "./helmTemplate";

export type ValuePath = readonly string[];

export interface InertValuesResult {
    /** Value paths whose removal leaves the rendered objects unchanged, in the values' order. */
    inert: ValuePath[];
    /** Helm runs it took (the baseline twice, then one per tried path). */
    renders: number;
}

/** `a.b["sidecar.istio.io/inject"]`: dotted where the key allows it. */
export function formatPath(path: ValuePath): string {
    return path.map((k, i) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? `${i === 0 ? "" : "."}${k}` : `[${JSON.stringify(k)}]`)).join("");
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === "object" && !Array.isArray(v);

/** The values without the key at `path` (the chart's default then applies). */
export function withoutPath(values: Record<string, unknown>, path: ValuePath): Record<string, unknown> {
    const copy = structuredClone(values);
    let node: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    delete node[path[path.length - 1]];
    return copy;
}

/** One slot per available core, shared by every analysis in the process: Helm is CPU-bound. */
function limiter(slots: number) {
    let active = 0;
    const waiting: (() => void)[] = [];
    return async <T>(work: () => Promise<T>): Promise<T> => {
        if (active >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
        active++;
        try {
            return await work();
        } finally {
            active--;
            waiting.shift()?.();
        }
    };
}
const helmSlot = limiter(os.availableParallelism());

// A render repeats most documents of the previous one (CRDs, dashboards): parse each distinct
// document once. A line `---` at column 0 always starts a document, so each piece is a stream.
const parsedDocuments = new Map<string, Manifest[]>();
function renderedObjects(yamlText: string): Manifest[] {
    const objects: Manifest[] = [];
    for (const piece of yamlText.split(/^---[ \t]*$/m)) {
        let parsed = parsedDocuments.get(piece);
        if (!parsed) {
            parsed = manifestObjects(piece).objects;
            parsedDocuments.set(piece, parsed);
        }
        objects.push(...parsed);
    }
    return objects;
}

const identity = (o: Manifest) => `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;

/** The render as a comparable value: objects in a stable order, or Helm's error. */
type Render = { objects: Manifest[] } | { error: string };

async function render(request: TemplateRequest): Promise<Render> {
    try {
        const text = await helmSlot(() => helmTemplate(request));
        const objects = renderedObjects(text);
        objects.sort((a, b) => identity(a).localeCompare(identity(b)) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
        return { objects };
    } catch (e) {
        return { error: (e as Error).message };
    }
}

const samePath = (a: ValuePath, b: ValuePath) => a.length === b.length && a.every((k, i) => k === b[i]);
const isUnder = (path: ValuePath, prefix: ValuePath) => prefix.length <= path.length && prefix.every((k, i) => k === path[i]);

/**
 * `pinned`: paths kept on purpose although they may equal the chart's default; they are never
 * tried, and a subtree holding one is opened instead of being reported whole.
 */
export async function findInertValues(request: TemplateRequest, pinned: readonly ValuePath[] = []): Promise<InertValuesResult> {
    let renders = 0;
    const rendered = (values: Record<string, unknown>) => {
        renders++;
        return render({ ...request, values });
    };
    const [baseline, again] = await Promise.all([rendered(request.values), rendered(request.values)]);
    if ("error" in baseline) throw new Error(`the chart does not render with the platform's values: ${baseline.error}`);
    if (!isDeepStrictEqual(baseline, again)) {
        throw new Error("the chart renders differently each time with the same values (random or time-based output), so removals cannot be judged");
    }
    const changes = async (path: ValuePath) => !isDeepStrictEqual(await rendered(withoutPath(request.values, path)), baseline);

    const inert: ValuePath[] = [];
    const visit = async (path: ValuePath, value: unknown): Promise<void> => {
        if (pinned.some((p) => samePath(p, path))) return;
        const holdsPinned = pinned.some((p) => isUnder(p, path));
        if (!holdsPinned && !(await changes(path))) {
            inert.push(path);
            return;
        }
        if (isPlainObject(value)) await visitChildren(path, value);
    };
    const visitChildren = (path: ValuePath, node: Record<string, unknown>) =>
        Promise.all(Object.entries(node).map(([key, child]) => visit([...path, key], child)));
    await visitChildren([], request.values);

    const order = new Map(flattenPaths(request.values).map((p, i) => [JSON.stringify(p), i]));
    inert.sort((a, b) => order.get(JSON.stringify(a))! - order.get(JSON.stringify(b))!);
    return { inert, renders };
}

/** Every path of the values tree, parents before their children. */
function flattenPaths(node: Record<string, unknown>, prefix: ValuePath = []): ValuePath[] {
    return Object.entries(node).flatMap(([key, child]) => {
        const path = [...prefix, key];
        return [path, ...(isPlainObject(child) ? flattenPaths(child, path) : [])];
    });
}

// Identical (chart, release, namespace, values) across stacks are analysed once per process.
const analyses = new Map<string, Promise<InertValuesResult>>();
export function inertValues(request: TemplateRequest, pinned: readonly ValuePath[] = []): Promise<InertValuesResult> {
    const key = JSON.stringify([request.archive, request.releaseName, request.namespace, request.skipCrds, request.values, pinned]);
    let analysis = analyses.get(key);
    if (!analysis) {
        analysis = findInertValues(request, pinned);
        analyses.set(key, analysis);
    }
    return analysis;
}
