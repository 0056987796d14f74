// The message codes the analyzers report: upstream Istio's codes (istio/istio
// pkg/config/analysis/msg/messages.yaml at release 1.29), so a finding can be looked up in Istio's
// documentation, with upstream's level, which decides the policy that reports it (policy.ts). The
// texts are this pack's own; each names both ends of the broken reference.
export type Level = "Error" | "Warning" | "Info";

export interface MessageType {
    code: string;
    name: string;
    level: Level;
}

function message(code: string, name: string, level: Level): MessageType {
    return { code, name, level };
}

export const MESSAGES = {
    ReferencedResourceNotFound: message("IST0101", "ReferencedResourceNotFound", "Error"),
    ConflictingMeshGatewayVirtualServiceHosts: message("IST0109", "ConflictingMeshGatewayVirtualServiceHosts", "Error"),
    ConflictingSidecarWorkloadSelectors: message("IST0110", "ConflictingSidecarWorkloadSelectors", "Error"),
    MultipleSidecarsWithoutWorkloadSelectors: message("IST0111", "MultipleSidecarsWithoutWorkloadSelectors", "Error"),
    VirtualServiceDestinationPortSelectorRequired: message("IST0112", "VirtualServiceDestinationPortSelectorRequired", "Error"),
    DeploymentAssociatedToMultipleServices: message("IST0116", "DeploymentAssociatedToMultipleServices", "Warning"),
    // Retired upstream (the analyzer was dropped); kept here because a mesh Deployment that no
    // Service selects gets no inbound mesh traffic, which is still worth catching before deploy.
    DeploymentRequiresServiceAssociated: message("IST0117", "DeploymentRequiresServiceAssociated", "Warning"),
    PortNameIsNotUnderNamingConvention: message("IST0118", "PortNameIsNotUnderNamingConvention", "Info"),
    NoMatchingWorkloadsFound: message("IST0127", "NoMatchingWorkloadsFound", "Warning"),
    NoServerCertificateVerificationDestinationLevel: message("IST0128", "NoServerCertificateVerificationDestinationLevel", "Warning"),
    NoServerCertificateVerificationPortLevel: message("IST0129", "NoServerCertificateVerificationPortLevel", "Warning"),
    VirtualServiceHostNotFoundInGateway: message("IST0132", "VirtualServiceHostNotFoundInGateway", "Warning"),
    DeploymentConflictingPorts: message("IST0137", "DeploymentConflictingPorts", "Warning"),
    InvalidApplicationUID: message("IST0144", "InvalidApplicationUID", "Warning"),
    ConflictingGateways: message("IST0145", "ConflictingGateways", "Error"),
    JwtClaimBasedRoutingWithoutRequestAuthN: message("IST0149", "JwtClaimBasedRoutingWithoutRequestAuthN", "Error"),
    ConflictingTelemetryWorkloadSelectors: message("IST0159", "ConflictingTelemetryWorkloadSelectors", "Error"),
    MultipleTelemetriesWithoutWorkloadSelectors: message("IST0160", "MultipleTelemetriesWithoutWorkloadSelectors", "Error"),
    GatewayPortNotDefinedOnService: message("IST0162", "GatewayPortNotDefinedOnService", "Warning"),
    DestinationRuleSubsetNotSelectPods: message("IST0173", "DestinationRuleSubsetNotSelectPods", "Error"),
    UnknownDestinationRuleHost: message("IST0174", "UnknownDestinationRuleHost", "Warning"),
    // This pack's own (PLT): what the platform adds to the mesh, which upstream has no analyzer for.
    /** A call between teams only one side declares: the platform writes no policy for it (analyzers/crossTeamCalls). */
    OneSidedCrossTeamCall: message("PLT0001", "OneSidedCrossTeamCall", "Warning"),
} as const;

export type MessageName = keyof typeof MESSAGES;
