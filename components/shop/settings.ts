// The sample shop's settings contract (platform:shop): where it runs, its image, and each
// service's delivery, SLO, fault injection and edge rules, in the Microservice's own schemas.
import { z } from "zod";
import { dnsLabel, pinnedImage } from "@reference-platform/consumer/shared/fields";
import { externalDependenciesSchema } from "@reference-platform/consumer/microservice/settings";
import {
    deliverySettingsSchema, edgeRouteSchema, faultInjectionSchema, scalingSignalSchema, sloSchema,
} from "@reference-platform/consumer/microservice/settings";
import { SHOP_SERVICE_NAMES } from "./topology";

export const shopServiceSettingsSchema = z.strictObject({
    delivery: deliverySettingsSchema.optional(),
    /** scaleOn "requestRate": scale on the requests per second each pod receives instead of cpu and memory (needs platform:requestScaling). */
    autoscaling: scalingSignalSchema.optional(),
    slo: sloSchema.optional(),
    faultInjection: faultInjectionSchema.optional(),
    edge: edgeRouteSchema.optional(),
    /** The hosts outside the cluster it calls, replacing the topology's (a provider's sandbox host in staging, say). */
    external: externalDependenciesSchema.optional(),
});

export const shopSettingsSchema = z.strictObject({
    enabled: z.boolean(),
    /** Tenant team whose namespace hosts the shop. */
    team: dnsLabel,
    /** podinfo image, pinned by tag or digest. */
    image: pinnedImage,
    /** Per-service delivery, SLO and fault injection, keyed by shop service name. */
    services: z.partialRecord(z.enum(SHOP_SERVICE_NAMES), shopServiceSettingsSchema),
});

export type ShopServiceSettings = z.output<typeof shopServiceSettingsSchema>;
export type ShopSettings = z.output<typeof shopSettingsSchema>;
