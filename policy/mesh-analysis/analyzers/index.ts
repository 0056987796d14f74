// Every analyzer, in the order their findings are reported.
import { Analyzer } from "../context";
import { applicationUid } from "./applicationUid";
import { authorizationPolicies } from "./authorizationPolicies";
import { conflictingGateways } from "./conflictingGateways";
import { crossTeamCalls } from "./crossTeamCalls";
import { deploymentServices } from "./deploymentServices";
import { destinationRules } from "./destinationRules";
import { gatewayRefs } from "./gatewayRefs";
import { gatewaySecrets } from "./gatewaySecrets";
import { gatewayWorkloads } from "./gatewayWorkloads";
import { jwtClaimRoutes } from "./jwtClaimRoutes";
import { meshGatewayHosts } from "./meshGatewayHosts";
import { rolloutRouting } from "./rolloutRouting";
import { servicePortNames } from "./servicePortNames";
import { virtualServiceDestinations } from "./virtualServiceDestinations";
import { sidecarSelectors, telemetrySelectors } from "./workloadSelectors";

export const ANALYZERS: readonly Analyzer[] = [
    virtualServiceDestinations, gatewayRefs, meshGatewayHosts, jwtClaimRoutes,
    destinationRules, rolloutRouting,
    gatewayWorkloads, gatewaySecrets, conflictingGateways,
    authorizationPolicies, crossTeamCalls,
    servicePortNames, deploymentServices, applicationUid,
    sidecarSelectors, telemetrySelectors,
];
