// Calls between teams need consent on both sides: the caller's service declares the call, the
// callee's service declares it accepts the caller, both the same way (crossTeamDeclarations): in
// the platform's config (recorded on the teams' Namespaces; the platform writes the policies of a
// call both declare) or in the teams' programs (recorded on each service's NetworkPolicy; each
// program writes its own half). A declaration the other side does not match the same way gets no
// working policy, and is reported here on the object that records it, naming both services
// (PLT0001). A program's declaration naming a team this stack deploys no workload of is not
// reported (that team deploys from its own stack, which this one cannot see), unless the other
// side declares it the other way here.
import { Analyzer } from "../context";
import { Declaration, declarations, DeclarationWay } from "../crossTeamDeclarations";
import { MESSAGES } from "../messages";

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const teamOf = (ref: string) => ref.split("/")[0];

/** One way's declarations, merged per "<team>/<service>". */
function byService(records: readonly Declaration[]): Map<string, { calls: string[]; accepts: string[] }> {
    const merged = new Map<string, { calls: string[]; accepts: string[] }>();
    for (const { team, services } of records) {
        for (const [service, declared] of Object.entries(services)) {
            const entry = merged.get(`${team}/${service}`) ?? { calls: [], accepts: [] };
            entry.calls.push(...strings(declared?.calls));
            entry.accepts.push(...strings(declared?.accepts));
            merged.set(`${team}/${service}`, entry);
        }
    }
    return merged;
}

const OTHER_WAY: Record<DeclarationWay, string> = { config: "in a team's program", program: "in the platform's config" };

export const crossTeamCalls: Analyzer = (ctx) => {
    const all = declarations((kind) => ctx.index.ofKind(kind), ctx.config.crossTeamAnnotation);
    const ways = { config: byService(all.filter((d) => d.way === "config")), program: byService(all.filter((d) => d.way === "program")) };
    const accepts = (way: DeclarationWay, callee: string, caller: string) => {
        const declared = ways[way].get(callee)?.accepts ?? [];
        return declared.includes(caller) || declared.includes(teamOf(caller));
    };
    /** Whether `caller` ("<team>/<service>" or "<team>") declares a call to `callee`, and (agreed) the callee accepts that service. */
    const calls = (way: DeclarationWay, caller: string, callee: string, agreed = true) =>
        [...ways[way]].some(([from, d]) => (from === caller || teamOf(from) === caller) && d.calls.includes(callee) && (!agreed || accepts(way, callee, from)));
    /**
     * A program's declaration is checked only against a team this stack deploys workloads of: a
     * team's Namespace alone (the platform's) says nothing of what the team's own stack declares.
     */
    const visible = (way: DeclarationWay, team: string) => way === "config" || ctx.index.workloads(team).length > 0;
    const otherWay = (way: DeclarationWay, matched: boolean) =>
        (matched ? ` (the other side declares it ${OTHER_WAY[way]}: both sides declare a call the same way)` : "");

    for (const { way, team, object, services } of all) {
        const other: DeclarationWay = way === "config" ? "program" : "config";
        for (const [service, declared] of Object.entries(services)) {
            const self = `${team}/${service}`;
            for (const callee of strings(declared?.calls)) {
                if (accepts(way, callee, self)) continue;
                const crossWay = accepts(other, callee, self);
                if (!crossWay && !visible(way, teamOf(callee))) continue;
                ctx.report(MESSAGES.OneSidedCrossTeamCall, object,
                    `${self} calls ${callee}, but ${callee} does not accept it: no policy admits the call${otherWay(way, crossWay)}`);
            }
            for (const caller of strings(declared?.accepts)) {
                if (calls(way, caller, self)) continue;
                const crossWay = calls(other, caller, self, false);
                if (!crossWay && !visible(way, teamOf(caller))) continue;
                ctx.report(MESSAGES.OneSidedCrossTeamCall, object,
                    `${self} accepts ${caller}, but ${caller.includes("/") ? `${caller} declares no call` : `no service of team ${caller} declares a call`} ` +
                    `to it: no policy admits the call${otherWay(way, crossWay)}`);
            }
        }
    }
};
