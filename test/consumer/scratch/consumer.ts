// Type-checked in the scratch project against the installed package's declarations.
import { CONTRACT_VERSION, PlatformContract, PlatformReference, PlatformStack, serviceSettings, ServiceSettings } from "@reference-platform/consumer";
import { contractSchema } from "@reference-platform/consumer/contract";
import { readContract } from "@reference-platform/consumer/reference";
import { Microservice, MicroserviceArgs } from "@reference-platform/consumer/microservice";
import type { ScrapeSettings } from "@reference-platform/consumer/settings";

export function settingsOf(stack: string, outputs: Record<string, unknown>): ServiceSettings {
    const contract: PlatformContract = readContract(stack, outputs);
    return serviceSettings(new PlatformStack(stack, contract), { team: "data", uses: { tracing: false } });
}

export const reference = (stack: string): PlatformReference => new PlatformReference("platform", { stack });
export const version: number = CONTRACT_VERSION;
export const parsed = contractSchema.safeParse({}).success;
export const scheme: ScrapeSettings["scheme"] = "https";
// @ts-expect-error: the settings only give http or https
export const wrongScheme: ScrapeSettings["scheme"] = "ftp";
// @ts-expect-error: a service request has no such knob; the platform decides it
serviceSettings(new PlatformStack("a/b/c", readContract("a/b/c", {})), { team: "data", uses: { mtlsScrape: true } });

// The Microservice, by its own entry (exports map under node16, typesVersions under node10).
export type ServiceArgs = MicroserviceArgs;
export const component: typeof Microservice = Microservice;
