// TEN007: no tenant monitor names a file on Prometheus's own disk (its token, its mesh certificates):
// Prometheus would send them to a target the team controls.
import { celString } from "../../admission/rule";
import { tenantRule } from "../tenantRule";
import { ENDPOINTS, MONITOR_TARGETS } from "./monitorEndpoints";

/** Each field as a CEL presence test on an endpoint `e`. */
const FILE_FIELDS: ReadonlyArray<[string, string]> = [
    ["bearerTokenFile", "has(e.bearerTokenFile)"],
    ["tlsConfig.caFile", "has(e.tlsConfig) && has(e.tlsConfig.caFile)"],
    ["tlsConfig.certFile", "has(e.tlsConfig) && has(e.tlsConfig.certFile)"],
    ["tlsConfig.keyFile", "has(e.tlsConfig) && has(e.tlsConfig.keyFile)"],
];

export const monitorFiles = tenantRule("MonitorFiles", MONITOR_TARGETS, () => ({
    variables: [ENDPOINTS, {
        name: "files",
        expression: FILE_FIELDS.map(([field, present]) => `(variables.endpoints.exists(e, ${present}) ? [${celString(field)}] : [])`).join(" + "),
    }],
    expression: "size(variables.files) == 0",
    args: ["variables.files.join(', ')"],
}));
