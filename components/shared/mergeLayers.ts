// The platform's one merge rule, wherever one layer of settings goes over another (an environment's
// differences over the base profile, stack config over a profile, a stack's chart values over a
// component's defaults): objects merge key by key, a list replaces the list beneath it, and
// anything that is not a plain object (a Pulumi Output, a class instance) is kept whole.
import deepmerge from "deepmerge";

const isPlainObject = (v: unknown): boolean =>
    !!v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

const OPTIONS: deepmerge.Options = {
    arrayMerge: (_beneath: unknown[], over: unknown[]) => over,
    isMergeableObject: isPlainObject,
};

/** `layers` merged over `base` in order, each winning over what is beneath; the inputs are not changed. */
export function mergeLayers<T>(base: T, ...layers: unknown[]): T {
    return deepmerge.all([base as object, ...(layers as object[])], OPTIONS) as T;
}
