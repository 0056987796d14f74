// What test/consumer/crossTeam.test.ts tells its program (crossTeamProgram.ts) to deploy.
import type { ServiceUses } from "@reference-platform/consumer";

/** The environment variable holding the case: JSON, a list of CrossTeamCaseService. */
export const CROSS_TEAM_CASE_ENV = "CROSS_TEAM_CASE";

export interface CrossTeamCaseService {
    team: string;
    name: string;
    calls?: string[];
    accepts?: string[];
    uses?: ServiceUses;
    /** Leave out settings.teamNamespaces. */
    withoutTeamNamespaces?: boolean;
}
