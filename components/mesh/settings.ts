// The mesh's settings contract (platform:mesh): the installed control planes (revisions), mTLS,
// the ingress gateway, its edge controls and the Kiali console. Which Istio releases a revision may
// run is the caller's fact (the program pins the charts): it passes the schema of a release in.
import { z } from "zod";
import { dnsLabel, EVERY_PASS, host, percent, replicas } from "@reference-platform/consumer/shared/fields";
import { kialiSettingsSchema } from "../kiali/settings";
import { edgeAuthSchema, rateLimitSchema } from "./edge/settings";
import { compareVersions, minorSkew } from "@reference-platform/grammar";

/** The current control plane and one canary. */
export const MAX_REVISIONS = 2;

/** Istio upgrades one minor version at a time; the shared CNI agent works with istiod one minor away. */
export const MAX_MINOR_SKEW = 1;

type RevisionsInput = { revision: string; revisions: { name: string; version: string }[]; teamRevisions?: Record<string, string> };

/** The default revision and every team's revision must be installed; installed ones at most one minor apart. */
function checkRevisions(istioRelease: z.ZodType<string>) {
    return (mesh: RevisionsInput, ctx: z.core.$RefinementCtx): void => {
        if (!Array.isArray(mesh.revisions)) return;
        const names = mesh.revisions.map((r) => r?.name);
        const installed = `must be one of the installed revisions (mesh.revisions): ${names.join(", ")}`;
        names.forEach((name, i) => {
            if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: ["revisions", i, "name"], message: `revision "${name}" is listed twice` });
        });
        // A value that already fails its own rule is reported once, by that rule.
        if (dnsLabel.safeParse(mesh.revision).success && !names.includes(mesh.revision)) {
            ctx.addIssue({ code: "custom", path: ["revision"], message: installed });
        }
        for (const [team, revision] of Object.entries(mesh.teamRevisions ?? {})) {
            if (dnsLabel.safeParse(revision).success && !names.includes(revision)) {
                ctx.addIssue({ code: "custom", path: ["teamRevisions", team], message: installed });
            }
        }
        const versions = mesh.revisions.map((r) => r?.version).filter((v): v is string => istioRelease.safeParse(v).success);
        for (const older of versions) {
            for (const newer of versions) {
                if (compareVersions(older, newer) < 0 && minorSkew(older, newer) > MAX_MINOR_SKEW) {
                    ctx.addIssue({
                        code: "custom", path: ["revisions"],
                        message: `${older} and ${newer} are more than one minor version apart; Istio upgrades one minor version at a time`,
                    });
                }
            }
        }
    };
}

/** One installed Istio control plane. */
const meshRevisionSchema = (istioRelease: z.ZodType<string>) => z.strictObject({
    /** DNS label, e.g. "1-29": names istiod-<name> and is the istio.io/rev label that selects it. */
    name: dnsLabel,
    /** The Istio release it runs, e.g. "1.29.6". */
    version: istioRelease,
});

/** The mesh settings, given what an Istio release the program can install looks like. */
export const meshSettingsSchema = (istioRelease: z.ZodType<string>) => z.strictObject({
    enabled: z.boolean(),
    /**
     * The default revision, one of `revisions`: the add-on namespaces, the ingress gateway and every
     * team not in `teamRevisions` run on it, and it validates Istio objects.
     */
    revision: dnsLabel,
    /** The installed control planes, one istiod each: the current one and at most one canary. */
    revisions: z.array(meshRevisionSchema(istioRelease))
        .min(1, { message: "must list at least the default revision's control plane" })
        .max(MAX_REVISIONS, { message: `at most ${MAX_REVISIONS} control planes: the current one and one canary` }),
    /** Team name -> installed revision, for teams moved to a canary ahead of the default. */
    teamRevisions: z.record(dnsLabel, dnsLabel).optional(),
    mtlsMode: z.enum(["STRICT", "PERMISSIVE"]),
    /**
     * What a sidecar does with a host the mesh does not know: REGISTRY_ONLY refuses it, so traffic
     * leaves the cluster only to hosts a service declared (its ServiceEntries); ALLOW_ANY passes it.
     */
    outboundTrafficPolicy: z.enum(["REGISTRY_ONLY", "ALLOW_ANY"]),
    /** Percentage of requests traced, 0-100. */
    tracingSamplingPercent: percent,
    accessLogging: z.boolean(),
    istiodReplicas: replicas,
    gatewayReplicas: replicas,
    /**
     * One audited exit: the TLS hosts services declare (Microservice `external`) leave the cluster
     * through a second gateway release in its own namespace instead of from each sidecar.
     */
    egressGateway: z.strictObject({
        enabled: z.boolean(),
        /** Egress gateway pods; more than one autoscales from this floor, with a disruption budget. */
        replicas,
    }),
    /** Secret (in the gateway namespace) holding the TLS certificate for public hosts. */
    gatewayTlsSecretName: dnsLabel,
    /** Public host names served by the ingress gateway. */
    gatewayHosts: z.array(host).min(1),
    edgeAuth: edgeAuthSchema,
    rateLimit: rateLimitSchema,
    kiali: kialiSettingsSchema,
}).superRefine(checkRevisions(istioRelease), EVERY_PASS);

export type MeshSettings = z.output<ReturnType<typeof meshSettingsSchema>>;
export type MeshRevision = MeshSettings["revisions"][number];
