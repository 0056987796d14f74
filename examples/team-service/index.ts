// An application team's program: its services in the team's platform namespace, wired to the
// mesh, monitoring and tracing the platform stack advertises through its contract.
import { teamProgram } from "./program";
import { teamServices } from "./services";

export = teamProgram(teamServices);
