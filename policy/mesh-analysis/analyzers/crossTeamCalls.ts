// Calls between teams need consent on both sides: the caller team's namespace declares the call,
// the callee team's namespace declares it accepts the caller (both as the platform records them
// on the namespaces, config crossTeamAnnotation). The platform writes policy only for a call both
// sides declare; a declaration the other side does not match gets none, and is reported here on
// the namespace that made it, naming both services (PLT0001).
import { Analyzer } from "../context";
import { teamDeclarations } from "../crossTeamDeclarations";
import { MESSAGES } from "../messages";

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export const crossTeamCalls: Analyzer = (ctx) => {
    const annotation = ctx.config.crossTeamAnnotation;
    const byTeam = new Map(ctx.index.ofKind("Namespace").map((ns) => [ns.ref.name, { ns, services: teamDeclarations(ns, annotation) }]));
    const accepts = (callee: string, caller: string) => {
        const [team, service] = callee.split("/");
        const declared = strings(byTeam.get(team)?.services[service]?.accepts);
        return declared.includes(caller) || declared.includes(caller.split("/")[0]);
    };
    const agreed: [string, string][] = [];
    for (const [team, { ns, services }] of byTeam) {
        for (const [service, declared] of Object.entries(services)) {
            const caller = `${team}/${service}`;
            for (const callee of strings(declared?.calls)) {
                if (accepts(callee, caller)) agreed.push([caller, callee]);
                else ctx.report(MESSAGES.OneSidedCrossTeamCall, ns, `${caller} calls ${callee}, but ${callee} does not accept it: no policy admits the call`);
            }
        }
    }
    for (const [team, { ns, services }] of byTeam) {
        for (const [service, declared] of Object.entries(services)) {
            const callee = `${team}/${service}`;
            for (const caller of strings(declared?.accepts)) {
                const called = agreed.some(([from, to]) => to === callee && (from === caller || from.split("/")[0] === caller));
                if (!called) {
                    ctx.report(MESSAGES.OneSidedCrossTeamCall, ns,
                        `${callee} accepts ${caller}, but ${caller.includes("/") ? `${caller} declares no call` : `no service of team ${caller} declares a call`} to it: no policy admits the call`);
                }
            }
        }
    }
};
