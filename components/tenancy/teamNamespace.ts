// One tenant team's namespace with its guardrails: Pod Security labels, quota, container
// defaults, default-deny networking and a least-privilege Role for the team's group.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { TeamSettings, TenancySettings } from "./settings";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { createNamespaceNetworkPolicies } from "./networkPolicies";
import { CROSS_TEAM_ANNOTATION, TENANT_LABEL } from "./names";
import { meshInjectionLabels, podSecurityLabels } from "./podSecurity";
import { TEAM_ROLE_RULES } from "./teamRbac";
import { TEAM_SYNC_IDENTITY, teamSyncRoleRules } from "./teamSync";

export interface TeamNamespaceArgs {
    team: TeamSettings;
    env: string;
    tenancy: Pick<TenancySettings, "podSecurityLevel" | "quota" | "containerDefaults">;
    /** The revision this team's namespace is labelled with. */
    mesh: { enabled: boolean; revision: string };
    ingressGatewayNamespace: string;
    monitoringNamespace: string;
    meshControlPlaneNamespace?: string;
    tracingNamespace?: string;
}

export class TeamNamespace extends pulumi.ComponentResource {
    public readonly namespace: pulumi.Output<string>;
    /** The ServiceAccount Argo CD impersonates to sync the team's Applications. */
    public readonly syncServiceAccount: pulumi.Output<string>;
    private readonly teamName: string;
    private readonly labels: Record<string, string>;

    constructor(name: string, args: TeamNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:tenancy:TeamNamespace", name, {}, opts);
        const { team, tenancy } = args;
        const labels = {
            ...recommendedLabels({ name: team.name, component: "tenant-namespace", team: team.name, env: args.env }),
            "platform.example.com/cost-center": team.costCenter,
        };
        const child = { parent: this };

        const ns = new k8s.core.v1.Namespace(team.name, {
            metadata: {
                name: team.name,
                labels: {
                    ...labels,
                    ...podSecurityLabels(tenancy.podSecurityLevel),
                    ...meshInjectionLabels(args.mesh),
                    [TENANT_LABEL]: "true",
                },
                annotations: team.services ? { [CROSS_TEAM_ANNOTATION]: JSON.stringify(team.services) } : undefined,
            },
        }, child);
        this.namespace = ns.metadata.name;
        this.teamName = team.name;
        this.labels = labels;
        const inNamespace = (objectName: string) => ({ name: objectName, namespace: this.namespace, labels });

        new k8s.core.v1.ResourceQuota(`${team.name}-quota`, {
            metadata: inNamespace("team-quota"),
            spec: {
                hard: {
                    "requests.cpu": tenancy.quota.requestsCpu,
                    "requests.memory": tenancy.quota.requestsMemory,
                    "limits.cpu": tenancy.quota.limitsCpu,
                    "limits.memory": tenancy.quota.limitsMemory,
                    pods: String(tenancy.quota.pods),
                    persistentvolumeclaims: String(tenancy.quota.persistentVolumeClaims),
                    "requests.storage": tenancy.quota.requestsStorage,
                    // Only the platform's ingress gateway is exposed outside the cluster.
                    "services.loadbalancers": "0",
                    "services.nodeports": "0",
                },
            },
        }, child);

        const defaults = tenancy.containerDefaults;
        new k8s.core.v1.LimitRange(`${team.name}-limits`, {
            metadata: inNamespace("container-defaults"),
            spec: {
                limits: [{
                    type: "Container",
                    defaultRequest: { ...defaults.requests },
                    default: { memory: defaults.limits.memory, ...(defaults.limits.cpu ? { cpu: defaults.limits.cpu } : {}) },
                }],
            },
        }, child);

        createNamespaceNetworkPolicies({
            resourcePrefix: team.name,
            namespace: this.namespace,
            ingressGatewayNamespace: args.ingressGatewayNamespace,
            monitoringNamespace: args.monitoringNamespace,
            meshControlPlaneNamespace: args.meshControlPlaneNamespace,
            tracingNamespace: args.tracingNamespace,
            labels,
        }, child);

        const role = new k8s.rbac.v1.Role(`${team.name}-developer`, {
            metadata: inNamespace("team-developer"),
            rules: TEAM_ROLE_RULES,
        }, child);
        new k8s.rbac.v1.RoleBinding(`${team.name}-developer`, {
            metadata: inNamespace("team-developer"),
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
            subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: team.group }],
        }, child);

        // Argo CD syncs the team's Applications as this account (sync impersonation), so what a team
        // commits can reach only the kinds of its AppProject's allow-list, and only in this namespace.
        const syncAccount = new k8s.core.v1.ServiceAccount(`${team.name}-${TEAM_SYNC_IDENTITY}`, {
            metadata: inNamespace(TEAM_SYNC_IDENTITY),
            automountServiceAccountToken: false,
        }, child);
        const syncRole = new k8s.rbac.v1.Role(`${team.name}-${TEAM_SYNC_IDENTITY}`, {
            metadata: inNamespace(TEAM_SYNC_IDENTITY),
            rules: teamSyncRoleRules(),
        }, child);
        new k8s.rbac.v1.RoleBinding(`${team.name}-${TEAM_SYNC_IDENTITY}`, {
            metadata: inNamespace(TEAM_SYNC_IDENTITY),
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: syncRole.metadata.name },
            subjects: [{ kind: "ServiceAccount", name: syncAccount.metadata.name, namespace: this.namespace }],
        }, child);
        this.syncServiceAccount = syncAccount.metadata.name;

        this.registerOutputs({ namespace: this.namespace, syncServiceAccount: this.syncServiceAccount });
    }

    /**
     * Mesh deny-by-default: an ALLOW AuthorizationPolicy without rules matches no request, so the
     * namespace admits nothing until a service's own policy names its callers. A method, not an
     * argument, because the mesh that installs the CRDs is created after (and in) these namespaces.
     */
    public denyMeshTrafficByDefault(meshDependencies: pulumi.Resource[]): k8s.apiextensions.CustomResource {
        return new k8s.apiextensions.CustomResource(`${this.teamName}-allow-nothing`, {
            apiVersion: "security.istio.io/v1",
            kind: "AuthorizationPolicy",
            metadata: { name: "allow-nothing", namespace: this.namespace, labels: this.labels },
            spec: {},
        }, { parent: this, dependsOn: meshDependencies });
    }
}
