// Data every environment profile starts from.
import { TeamSettings } from "../components/tenancy/settings";

/** podinfo serves /healthz, /readyz, Prometheus metrics on 9797, OTLP traces and backend calls. */
export const SHOP_IMAGE = "ghcr.io/stefanprodan/podinfo:6.9.2";

export const DEFAULT_TEAMS: TeamSettings[] = [
    {
        name: "shop",
        group: "team-shop",
        costCenter: "cc-1001",
        sourceRepos: ["https://github.com/example-org/shop-deploy.git"],
    },
    {
        name: "data",
        group: "team-data",
        costCenter: "cc-2002",
        sourceRepos: ["https://github.com/example-org/data-deploy.git"],
    },
];
