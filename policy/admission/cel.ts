// CEL as the API server evaluates a ValidatingAdmissionPolicy: variables in order under
// `variables`, then the validation's expression, and its messageExpression when it fails. The
// evaluator is @marcbachmann/cel-js (CEL's standard definitions; the rules use only what
// Kubernetes' CEL environment also has: has(), the macros, `in`, startsWith, matches, join, and
// the quantity library, registered here as Kubernetes defines it: quantity.ts).
import { Environment } from "@marcbachmann/cel-js";
import { UnknownValueError } from "@pulumi/policy";
import { registerQuantityLibrary } from "./quantity";

type Program = (context: Record<string, unknown>) => unknown;

// Homogeneous literals, as the API server's checker wants them: ['.', object.metadata.namespace]
// mixes a string with a dyn and is refused there, so it is refused here first.
const env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: true });
registerQuantityLibrary(env);
const programs = new Map<string, Program>();

/** cel-go extensions the evaluator has but Kubernetes' base environment does not: refused here first. */
const NOT_IN_KUBERNETES = /\bcel\.bind\s*\(/;

function program(expression: string): Program {
    let compiled = programs.get(expression);
    if (!compiled) {
        if (NOT_IN_KUBERNETES.test(expression)) throw new Error("cel.bind is not in the API server's CEL environment; use celBind (policy/admission/rule.ts)");
        const parsed = env.parse(expression);
        compiled = (context) => parsed(context);
        programs.set(expression, compiled);
    }
    return compiled;
}

/** What the validation decides for one object: pass, or fail with its message. */
export type Verdict = { valid: true } | { valid: false; message: string };

export interface CelValidation {
    variables: ReadonlyArray<{ name: string; expression: string }>;
    expression: string;
    messageExpression: string;
}

/** A map's field is there unless it is undefined or null; a list's element unless undefined. */
const present = (target: object, key: string | symbol): boolean => {
    const value = Reflect.get(target, key);
    return Array.isArray(target) ? value !== undefined : value !== undefined && value !== null;
};

/**
 * The object as JSON on the wire: no field whose value is undefined (the API server never sees
 * one) or null (the API server decodes a null field as unset, so `has()` is false for it there: a
 * chart's aggregated ClusterRole with `rules: null`, say). A view, not a copy: a field is read only
 * when the CEL reads it, so a value still unknown at preview is touched only by a rule that needs
 * it (the SDK then says that rule cannot run yet).
 */
function wire(value: unknown): unknown {
    if (value === undefined) return null;
    if (value === null || typeof value !== "object") return value;
    // Props with nothing unknown are shared and frozen (policy/lib/sharedProps.ts); a proxy must
    // return a frozen target's own values, so it stands over a shallow copy of that level instead.
    const target = Object.isFrozen(value) ? (Array.isArray(value) ? [...value] : { ...value }) : value;
    return new Proxy(target as object, {
        // JSON has maps and lists only: an object built in another realm (the SDK deserializes in
        // its own) is still one of the two to the evaluator.
        get: (target, key) => (key === "constructor" ? (Array.isArray(target) ? Array : Object) : wire(Reflect.get(target, key))),
        has: (target, key) => Reflect.has(target, key) && present(target, key),
        ownKeys: (target) => Reflect.ownKeys(target).filter((key) => Array.isArray(target) || present(target, key)),
        getOwnPropertyDescriptor: (target, key) => {
            const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
            return descriptor && present(target, key) ? descriptor : undefined;
        },
    });
}

/** The UnknownValueError an evaluation error is, or was caused by (the evaluator may wrap it). */
function unknownIn(error: unknown): UnknownValueError | undefined {
    for (let e = error, depth = 0; e instanceof Error && depth < 10; e = (e as Error).cause, depth++) {
        if (e instanceof UnknownValueError) return e;
    }
    return undefined;
}

/**
 * Evaluates `validation` on `object` in `namespaceObject`. An evaluation error throws, naming the
 * expression: with `failurePolicy: Fail` the API server refuses the object then, so the pack must
 * not quietly pass it.
 */
export function evaluateValidation(validation: CelValidation, object: unknown, namespaceObject: unknown): Verdict {
    const variables: Record<string, unknown> = {};
    const context = { object: wire(object), namespaceObject: wire(namespaceObject), oldObject: null, variables };
    const run = (expression: string) => {
        try {
            return program(expression)(context);
        } catch (error) {
            // A value unknown at preview goes to the SDK as it is: it then reports that the rule
            // cannot run yet (advisory), as it does for any policy that reads one.
            const unknown = unknownIn(error);
            if (unknown) throw unknown;
            throw new Error(`CEL ${JSON.stringify(expression)} failed: ${(error as Error).message}`, { cause: error });
        }
    };
    for (const variable of validation.variables) variables[variable.name] = run(variable.expression);
    const valid = run(validation.expression);
    if (valid === true) return { valid: true };
    if (valid !== false) throw new Error(`CEL ${JSON.stringify(validation.expression)} gave ${String(valid)}, not a bool`);
    return { valid: false, message: String(run(validation.messageExpression)) };
}

/** Evaluates one boolean CEL expression (a match condition) on an object. */
export function evaluateCondition(expression: string, object: unknown): boolean {
    const result = program(expression)({ object: wire(object), oldObject: null });
    if (typeof result !== "boolean") throw new Error(`CEL ${JSON.stringify(expression)} gave ${String(result)}, not a bool`);
    return result;
}
