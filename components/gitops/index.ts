// GitOps with Argo CD: the argo-cd chart (highly available per profile), a generated admin
// password of which the chart only sees the bcrypt hash, one AppProject per tenant team (an
// allow-list, synced as the team's own ServiceAccount), an emptied `default` project and an
// app-of-apps root Application syncing per the profile's policy.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { serviceHost } from "@reference-platform/consumer/shared/clusterDomain";
import { ChartSource } from "../shared/helmChart";
import { TeamSettings } from "../tenancy/settings";
import { GitOpsSettings } from "./settings";
import { ChartValues, installChart } from "../shared/helmChart";
import { recommendedLabels } from "@reference-platform/consumer/shared/labels";
import { DEFAULT_PROJECT, defaultProjectSpec, PLATFORM_PROJECT, RESERVED_PROJECT_NAMES, platformProjectSpec, teamProjectSpec } from "./appProjects";
import { TEAM_SYNC_KINDS } from "../tenancy/teamSync";
import { createAdminPassword, createAdminSecret, createRedisSecret } from "./credentials";
import { argoCdValues } from "./chartValues";
import type { SecretStoreIntegration } from "@reference-platform/consumer/microservice";
import { createRepositoryCredentials, StoredRepository } from "./repositoryCredentials";
import { ROOT_APPLICATION, rootApplicationSpec } from "./rootApplication";

/** The chart's release name; the Services are named after it (argocd-server, argocd-redis-ha-haproxy). */
const RELEASE = "argocd";
const ARGO_API_VERSION = "argoproj.io/v1alpha1";

export interface GitOpsArgs {
    env: string;
    settings: GitOpsSettings;
    /** The Argo CD namespace, as created by the Tenancy component. */
    namespace: pulumi.Input<string>;
    chart: ChartSource;
    /** Stack values (platform:chartValues.argoCd), merged over the component's defaults. */
    chartValues?: ChartValues;
    teams: Pick<TeamSettings, "name" | "sourceRepos">[];
    /** Team name -> the team's namespace (Tenancy's teamNamespaces). */
    teamNamespaces: Record<string, pulumi.Input<string>>;
    /** Team name -> the ServiceAccount in its namespace that its syncs run as (Tenancy's teamSyncServiceAccounts). */
    teamSyncServiceAccounts: Record<string, pulumi.Input<string>>;
    /** The cluster's DNS domain, which serverUrl ends in; default "cluster.local". */
    clusterDomain?: string;
    /** Repository credentials read from the secret store (platform:externalSecrets.platformSecrets.argocdRepositories). */
    storedRepositories?: { store: SecretStoreIntegration; repositories: readonly StoredRepository[] };
}

export class GitOps extends pulumi.ComponentResource {
    public readonly namespace: pulumi.Output<string>;
    /** The API and UI inside the cluster (TLS with Argo CD's self-signed certificate). */
    public readonly serverUrl: pulumi.Output<string>;
    /** Team name -> the team's AppProject. */
    public readonly appProjects: Record<string, pulumi.Output<string>> = {};
    public readonly rootApplicationName: pulumi.Output<string>;
    /** The `admin` user's password; a secret. */
    public readonly adminPassword: pulumi.Output<string>;

    constructor(name: string, args: GitOpsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:gitops:GitOps", name, {}, opts);
        for (const team of args.teams) {
            if (RESERVED_PROJECT_NAMES.includes(team.name)) {
                throw new Error(`gitops: team name "${team.name}" is reserved for an Argo CD project`);
            }
            if (!(team.name in args.teamNamespaces)) throw new Error(`gitops: no namespace for team ${team.name}`);
            if (!(team.name in args.teamSyncServiceAccounts)) throw new Error(`gitops: no sync ServiceAccount for team ${team.name}`);
        }
        this.namespace = pulumi.output(args.namespace);
        const labels = (component: string, team?: string) =>
            recommendedLabels({ name: "argocd", instance: RELEASE, component, team, env: args.env });

        const admin = createAdminPassword(`${name}-admin-password`, this);
        this.adminPassword = admin.password;
        const adminSecret = createAdminSecret(`${name}-admin-secret`, this.namespace, labels("server"), admin, this);
        const redisSecret = createRedisSecret(`${name}-redis`, this.namespace, labels("redis"), this);

        // The Secrets first, so Argo CD's pods do not start without their passwords.
        const chart = installChart(RELEASE, {
            source: args.chart,
            namespace: this.namespace,
            values: argoCdValues(args.settings),
            userValues: args.chartValues,
        }, { parent: this, dependsOn: [adminSecret, redisSecret] });
        // Custom resources wait for the chart, which installs their CRDs.
        const afterChart = { parent: this, dependsOn: [chart] };

        if (args.storedRepositories) {
            createRepositoryCredentials(name, this.namespace, labels("repository"), args.storedRepositories.store, args.storedRepositories.repositories, { parent: this });
        }

        for (const team of args.teams) {
            const project = new k8s.apiextensions.CustomResource(`${name}-project-${team.name}`, {
                apiVersion: ARGO_API_VERSION,
                kind: "AppProject",
                metadata: { name: team.name, namespace: this.namespace, labels: labels("app-project", team.name) },
                spec: pulumi.all([args.teamNamespaces[team.name], args.teamSyncServiceAccounts[team.name]])
                    .apply(([ns, serviceAccount]) => teamProjectSpec(team, ns, { kinds: TEAM_SYNC_KINDS, serviceAccount })),
            }, afterChart);
            this.appProjects[team.name] = project.metadata.name;
        }

        new k8s.apiextensions.CustomResource(`${name}-project-${DEFAULT_PROJECT}`, {
            apiVersion: ARGO_API_VERSION,
            kind: "AppProject",
            metadata: { name: DEFAULT_PROJECT, namespace: this.namespace, labels: labels("app-project") },
            spec: defaultProjectSpec(),
        }, afterChart);

        const platformProject = new k8s.apiextensions.CustomResource(`${name}-project-${PLATFORM_PROJECT}`, {
            apiVersion: ARGO_API_VERSION,
            kind: "AppProject",
            metadata: { name: PLATFORM_PROJECT, namespace: this.namespace, labels: labels("app-project") },
            spec: this.namespace.apply((ns) => platformProjectSpec(args.settings.rootApp.repoURL, ns)),
        }, afterChart);

        const root = new k8s.apiextensions.CustomResource(`${name}-root-application`, {
            apiVersion: ARGO_API_VERSION,
            kind: "Application",
            metadata: { name: ROOT_APPLICATION, namespace: this.namespace, labels: labels("root-application") },
            spec: this.namespace.apply((ns) => rootApplicationSpec(args.settings, ns)),
        }, { parent: this, dependsOn: [chart, platformProject] });
        this.rootApplicationName = root.metadata.name;

        this.serverUrl = this.namespace.apply((ns) => `https://${serviceHost(`${RELEASE}-server`, ns, args.clusterDomain)}`);

        this.registerOutputs({
            namespace: this.namespace,
            serverUrl: this.serverUrl,
            appProjects: this.appProjects,
            rootApplicationName: this.rootApplicationName,
            adminPassword: this.adminPassword,
        });
    }
}
