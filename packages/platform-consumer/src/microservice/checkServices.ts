// A program's services checked together, before any of them registers an object: each one's
// arguments, and what only shows across them (two services with one name in a namespace, the
// namespace's quota over all of them). One MicroserviceError names every problem of the program.
import * as pulumi from "@pulumi/pulumi";
import { MicroserviceArgs } from "./args";
import { quotaProblems } from "./namespaceLimits";
import { checkMicroservice, MicroserviceError, podBudget, ResolvedMicroservice } from "./resolve";

/** Services by namespace, for those whose namespace is known now (a plain string). */
function byNamespace(services: ResolvedMicroservice[]): Map<string, ResolvedMicroservice[]> {
    const groups = new Map<string, ResolvedMicroservice[]>();
    for (const service of services) {
        if (typeof service.namespace !== "string") continue;
        groups.set(service.namespace, [...(groups.get(service.namespace) ?? []), service]);
    }
    return groups;
}

/**
 * Checks the services a program is about to construct (resource name -> arguments, as given to
 * `new Microservice(name, args)`), and throws one MicroserviceError listing every problem of every
 * service. Call it before constructing the first one, so that a mistake registers nothing.
 */
export function checkMicroservices(services: Readonly<Record<string, MicroserviceArgs>>): ResolvedMicroservice[] {
    const problems: Record<string, string[]> = {};
    const add = (service: string, problem: string) => (problems[service] ??= []).push(problem);
    const resolved: ResolvedMicroservice[] = [];
    for (const [resourceName, args] of Object.entries(services)) {
        const name = args.serviceName ?? resourceName;
        const checked = checkMicroservice(name, args);
        if (checked.ok) resolved.push(checked.service);
        else checked.problems.forEach((p) => add(name, p));
    }
    for (const [namespace, group] of byNamespace(resolved)) {
        const seen = new Set<string>();
        for (const service of group) {
            if (seen.has(service.name)) add(service.name, `serviceName: another service of this program is named "${service.name}" in namespace "${namespace}"; each needs a name of its own`);
            seen.add(service.name);
        }
        const limits = group.find((s) => s.namespaceLimits)?.namespaceLimits;
        if (limits && group.length > 1) quotaProblems(group.map(podBudget), limits).forEach((p) => add(group.map((s) => s.name).join(", "), p));
    }
    if (Object.keys(problems).length > 0) throw new MicroserviceError(problems);
    return resolved;
}

/** Service names taken per namespace, per program run (the Stack resource, or the process under test mocks). */
const takenByRun = new WeakMap<object, Set<string>>();
const processRun = {};

/** Claims `namespace/name` for this run of the program; throws when another Microservice holds it. */
export function claimServiceName(service: ResolvedMicroservice): void {
    if (typeof service.namespace !== "string") return;
    const run = pulumi.runtime.getStackResource() ?? processRun;
    const taken = takenByRun.get(run) ?? new Set<string>();
    takenByRun.set(run, taken);
    const key = `${service.namespace}/${service.name}`;
    if (taken.has(key)) {
        throw new MicroserviceError({ [service.name]: [`serviceName: another Microservice of this program is named "${service.name}" in namespace ` +
            `"${service.namespace}"; the API server would refuse the second one's objects halfway through the update; give each its own name`] });
    }
    taken.add(key);
}
