// The scrape endpoints of a ServiceMonitor (`endpoints`) or a PodMonitor (`podMetricsEndpoints`), as a
// CEL variable, and the two kinds the monitor rules judge.
import { RuleTarget } from "../../admission/rule";

export const MONITOR_TARGETS: readonly RuleTarget[] = [
    { group: "monitoring.coreos.com", kind: "ServiceMonitor", resource: "servicemonitors" },
    { group: "monitoring.coreos.com", kind: "PodMonitor", resource: "podmonitors" },
];

export const ENDPOINTS = {
    name: "endpoints",
    expression: "(has(object.spec.endpoints) ? object.spec.endpoints : []) + (has(object.spec.podMetricsEndpoints) ? object.spec.podMetricsEndpoints : [])",
} as const;
