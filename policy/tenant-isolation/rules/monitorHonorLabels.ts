// TEN009: no tenant monitor honours its targets' labels: a target could then claim another
// namespace's series.
import { tenantRule } from "../tenantRule";
import { ENDPOINTS, MONITOR_TARGETS } from "./monitorEndpoints";

export const monitorHonorLabels = tenantRule("MonitorHonorLabels", MONITOR_TARGETS, () => ({
    variables: [ENDPOINTS],
    expression: "!variables.endpoints.exists(e, has(e.honorLabels) && e.honorLabels == true)",
}));
