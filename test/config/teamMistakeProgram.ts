// The example team program (examples/team-service) with one case of teamMistakes.ts applied to the
// Microservice arguments it passes: the case named by TEAM_MISTAKE. Run under mocks by the harness
// in place of the example's index.ts, with the example's own stack config.
import { teamProgram } from "../../examples/team-service/program";
import { teamServices } from "../../examples/team-service/services";
import { TEAM_MISTAKE_ENV, TEAM_MISTAKES } from "./teamMistakes";

const title = process.env[TEAM_MISTAKE_ENV];
const mistake = TEAM_MISTAKES.find((m) => m.title === title);
if (!mistake?.args) throw new Error(`${TEAM_MISTAKE_ENV}: no case with arguments titled ${JSON.stringify(title)}`);
const change = mistake.args;

export = teamProgram((settings, config) => change(teamServices(settings, config), settings));
