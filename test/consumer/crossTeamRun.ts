// Runs crossTeamProgram.ts (each listed service through the consumer package's Microservice, as its
// team's program would) in one stack under mocks, with the example's project and stack config,
// reading the platform stack's real outputs.
import { RunResult, runStack } from "../harness";
import { CROSS_TEAM_CASE_ENV, CrossTeamCaseService } from "./crossTeamCase";

const PROJECT = "examples/team-service";
const PROGRAM = "test/consumer/crossTeamProgram.ts";

export function runTeamPrograms(stack: string, services: CrossTeamCaseService[], platform: RunResult = runStack(stack)): RunResult {
    return runStack(stack, {}, {
        projectDir: PROJECT, main: PROGRAM, stackReferenceOutputs: platform.outputs,
        env: { [CROSS_TEAM_CASE_ENV]: JSON.stringify(services) },
    });
}
