// Every namespace of the platform: the add-ons' own (with the Pod Security level each needs,
// and why) and one guarded namespace per tenant team.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { TenancySettings } from "./settings";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { TENANT_LABEL } from "./names";
import { meshInjectionLabels, podSecurityLabels } from "./podSecurity";
import { agreeCalls, TeamCall } from "./crossTeamCalls";
import { createCrossTeamAuthorizationPolicies, createCrossTeamNetworkPolicies } from "./crossTeamPolicies";
import { createPlatformNetworkPolicies, PlatformTraffic } from "./platformNetworkPolicies";
import { TeamNamespace } from "./teamNamespace";
import { PlatformNamespaceSpec } from "./types";

export { PlatformNamespaceSpec } from "./types";
export { podSecurityLabels } from "./podSecurity";
export { AddressBlocks, Flow, FlowPeer, FlowPort, FLOW_REASON_ANNOTATION, flowPolicies } from "./flows";
export { agreeCalls, OneSidedCall, TeamCall } from "./crossTeamCalls";
export { PlatformTraffic } from "./platformNetworkPolicies";
export { TEAM_SYNC_IDENTITY, TEAM_SYNC_KINDS, TeamSyncKind } from "./teamSync";

export interface TenancyArgs {
    env: string;
    tenancy: TenancySettings;
    /** `revision` labels every meshed namespace, except teams listed in `teamRevisions` (a canary). */
    mesh: { enabled: boolean; revision: string; teamRevisions?: Readonly<Record<string, string>> };
    platformNamespaces: PlatformNamespaceSpec[];
    /** Protect and retain on delete the platform namespaces that hold stateful data (prod). */
    protectStatefulData: boolean;
    ingressGatewayNamespace: string;
    monitoringNamespace: string;
    meshControlPlaneNamespace?: string;
    tracingNamespace?: string;
    /** The flows the platform namespaces allow; each of them denies everything else. */
    platformTraffic: PlatformTraffic;
}

export class Tenancy extends pulumi.ComponentResource {
    /** Add-on namespace name -> the created namespace's name (depend on it to wait for creation). */
    public readonly platformNamespaces: Record<string, pulumi.Output<string>> = {};
    /** Team name -> the team's namespace. */
    public readonly teamNamespaces: Record<string, pulumi.Output<string>> = {};
    /** Team name -> the ServiceAccount in its namespace that Argo CD syncs the team's Applications as. */
    public readonly teamSyncServiceAccounts: Record<string, pulumi.Output<string>> = {};
    /** The calls between teams both sides declared; only these get policies. */
    public readonly crossTeamCalls: readonly TeamCall[];
    private readonly tenants: TeamNamespace[] = [];
    private readonly teamLabels: Record<string, Record<string, string>> = {};

    constructor(name: string, args: TenancyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:tenancy:Tenancy", name, {}, opts);
        for (const spec of args.platformNamespaces) {
            if (spec.podSecurityLevel !== "restricted" && !spec.reason) {
                throw new Error(`namespace ${spec.name}: Pod Security level ${spec.podSecurityLevel} needs a written reason`);
            }
            const ns = new k8s.core.v1.Namespace(spec.name, {
                metadata: {
                    name: spec.name,
                    labels: {
                        ...recommendedLabels({ name: spec.name, component: "platform-namespace", env: args.env }),
                        ...podSecurityLabels(spec.podSecurityLevel),
                        ...(spec.meshInjection ? meshInjectionLabels(args.mesh) : {}),
                        [TENANT_LABEL]: "false",
                    },
                    annotations: spec.reason ? { "platform.example.com/pod-security-reason": spec.reason } : undefined,
                },
            }, { parent: this, ...(args.protectStatefulData && spec.holdsStatefulData ? { protect: true, retainOnDelete: true } : {}) });
            this.platformNamespaces[spec.name] = ns.metadata.name;
        }
        createPlatformNetworkPolicies(this.platformNamespaces, args.platformTraffic,
            (namespace) => recommendedLabels({ name: namespace, component: "platform-namespace", env: args.env }), { parent: this });
        for (const team of args.tenancy.teams) {
            const tenant = new TeamNamespace(team.name, {
                team,
                env: args.env,
                tenancy: args.tenancy,
                mesh: { enabled: args.mesh.enabled, revision: args.mesh.teamRevisions?.[team.name] ?? args.mesh.revision },
                ingressGatewayNamespace: args.ingressGatewayNamespace,
                monitoringNamespace: args.monitoringNamespace,
                meshControlPlaneNamespace: args.meshControlPlaneNamespace,
                tracingNamespace: args.tracingNamespace,
            }, { parent: this });
            this.teamNamespaces[team.name] = tenant.namespace;
            this.teamSyncServiceAccounts[team.name] = tenant.syncServiceAccount;
            this.tenants.push(tenant);
            this.teamLabels[team.name] = recommendedLabels({ name: team.name, component: "cross-team-calls", team: team.name, env: args.env });
        }
        const { agreed, oneSided } = agreeCalls(args.tenancy.teams);
        this.crossTeamCalls = agreed;
        // Reported, not refused: the other side may declare it in a later change. The pack's mesh analysis reports it too.
        for (const call of oneSided) pulumi.log.warn(call.message, this);
        createCrossTeamNetworkPolicies(agreed, this.teamNamespaces, (team) => this.teamLabels[team], { parent: this });
        this.registerOutputs({
            platformNamespaces: this.platformNamespaces,
            teamNamespaces: this.teamNamespaces,
            teamSyncServiceAccounts: this.teamSyncServiceAccounts,
        });
    }

    /**
     * Every tenant namespace denies mesh traffic unless a service's AuthorizationPolicy allows it;
     * a service called by another team admits the identities of the callers both sides agreed on.
     */
    public denyMeshTrafficByDefault(meshDependencies: pulumi.Resource[], trustDomain: pulumi.Input<string>): void {
        for (const tenant of this.tenants) tenant.denyMeshTrafficByDefault(meshDependencies);
        createCrossTeamAuthorizationPolicies(this.crossTeamCalls, this.teamNamespaces, trustDomain, (team) => this.teamLabels[team],
            { parent: this, dependsOn: meshDependencies });
    }
}
