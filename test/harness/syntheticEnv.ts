/** Environment variable read by the child process: N synthetic services to add (bench only). */
export const SYNTHETIC_SERVICES_ENV = "PLATFORM_SYNTHETIC_SERVICES";
