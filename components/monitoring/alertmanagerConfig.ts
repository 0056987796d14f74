// The Alertmanager configuration: critical and warning receivers, alerts grouped per namespace and
// service, and a critical alert silencing the warnings of the same alert on the same service.
// It lives in a Secret of its own because the critical receiver's webhook URL is a credential.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { SecretStoreIntegration } from "@reference-platform/consumer/microservice";
import { platformExternalSecret } from "../secrets/platformSecret";
import { ALERTMANAGER_CONFIG_KEY, ALERTMANAGER_CONFIG_SECRET } from "./names";

export const RECEIVERS = { critical: "critical", warning: "warning", none: "null" } as const;
export const GROUP_BY = ["namespace", "service", "alertname"];

export interface AlertmanagerConfig {
    global: { resolve_timeout: string };
    route: {
        receiver: string;
        group_by: string[];
        group_wait: string;
        group_interval: string;
        repeat_interval: string;
        routes: { receiver: string; matchers: string[]; continue?: boolean }[];
    };
    inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[];
    receivers: { name: string; webhook_configs?: { url: string; send_resolved: boolean }[] }[];
    templates: string[];
}

/** With no webhook URL the critical receiver has no integrations: alerts stay visible in the UI only. */
export function alertmanagerConfig(criticalWebhookUrl?: string): AlertmanagerConfig {
    return {
        global: { resolve_timeout: "5m" },
        route: {
            receiver: RECEIVERS.warning,
            group_by: GROUP_BY,
            group_wait: "30s",
            group_interval: "5m",
            repeat_interval: "12h",
            routes: [
                // The chart's always-firing Watchdog and InfoInhibitor alerts are plumbing, not news.
                { receiver: RECEIVERS.none, matchers: ['alertname = "Watchdog"'] },
                { receiver: RECEIVERS.none, matchers: ['alertname = "InfoInhibitor"'] },
                { receiver: RECEIVERS.critical, matchers: ['severity = "critical"'] },
                { receiver: RECEIVERS.warning, matchers: ['severity = "warning"'] },
            ],
        },
        inhibit_rules: [
            {
                source_matchers: ['severity = "critical"'],
                target_matchers: ['severity = "warning"'],
                equal: ["alertname", "namespace", "service"],
            },
            {
                source_matchers: ['alertname = "InfoInhibitor"'],
                target_matchers: ['severity = "info"'],
                equal: ["namespace"],
            },
        ],
        receivers: [
            { name: RECEIVERS.none },
            criticalWebhookUrl
                ? { name: RECEIVERS.critical, webhook_configs: [{ url: criticalWebhookUrl, send_resolved: true }] }
                : { name: RECEIVERS.critical },
            { name: RECEIVERS.warning },
        ],
        templates: ["/etc/alertmanager/config/*.tmpl"],
    };
}

export interface AlertmanagerConfigSecretArgs {
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    criticalWebhookUrl?: pulumi.Input<string>;
    /** The URL from the store instead (property `url` of this key): ESO writes the Secret. */
    criticalWebhookUrlFromStore?: { store: SecretStoreIntegration; remoteKey: string };
}

/** The property a receiver's URL has in the store, and the Secret key ESO's template reads it as. */
export const RECEIVER_URL_PROPERTY = "url";
const URL_TEMPLATE_KEY = "criticalWebhookUrl";
const PLACEHOLDER = "\u0000critical-webhook-url\u0000";

/**
 * The configuration as an ESO template (engine v2): the URL is inserted by ESO, JSON-quoted by its
 * `toJson`, so its value never passes through Pulumi. Nothing else in the configuration may read as
 * a template action.
 */
export function alertmanagerConfigTemplate(): string {
    const json = JSON.stringify(alertmanagerConfig(PLACEHOLDER), null, 2);
    if (json.includes("{{")) throw new Error("the Alertmanager configuration contains \"{{\", which ESO's template engine would read as an action");
    return json.replace(JSON.stringify(PLACEHOLDER), `{{ .${URL_TEMPLATE_KEY} | toJson }}`);
}

/** The Secret the Alertmanager object reads its configuration from (JSON is valid YAML). */
export function createAlertmanagerConfigSecret(
    args: AlertmanagerConfigSecretArgs, opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Secret | k8s.apiextensions.CustomResource {
    const fromStore = args.criticalWebhookUrlFromStore;
    if (fromStore) {
        return platformExternalSecret("alertmanager-config-external", {
            namespace: args.namespace, secretName: ALERTMANAGER_CONFIG_SECRET, labels: args.labels, store: fromStore.store,
            data: [{ secretKey: URL_TEMPLATE_KEY, remoteKey: fromStore.remoteKey, property: RECEIVER_URL_PROPERTY }],
            template: { data: { [ALERTMANAGER_CONFIG_KEY]: alertmanagerConfigTemplate() } },
        }, opts);
    }
    const rendered = pulumi.output(args.criticalWebhookUrl)
        .apply((url) => JSON.stringify(alertmanagerConfig(url), null, 2));
    return new k8s.core.v1.Secret("alertmanager-config", {
        metadata: { name: ALERTMANAGER_CONFIG_SECRET, namespace: args.namespace, labels: args.labels },
        type: "Opaque",
        stringData: { [ALERTMANAGER_CONFIG_KEY]: pulumi.secret(rendered) },
    }, { ...opts, additionalSecretOutputs: ["data", "stringData"] });
}
