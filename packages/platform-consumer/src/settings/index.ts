export {
    ScrapeSettings, ServiceMeshSettings, ServiceMonitoringSettings, ServiceMtlsScrape, ServiceRequest, ServiceSettings,
    serviceSettings, ServiceUses, WorkloadDefaults,
} from "./serviceSettings";
