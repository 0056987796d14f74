// This program's own stack config, validated before anything is registered.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PROFILE_NAMES } from "../../stacks/environmentProfile";

const schema = z.strictObject({
    platformStack: z.string().regex(/^[^/]+\/[^/]+\/[^/]+$/, { message: "must be <organization>/<project>/<stack>" }),
    team: z.string().min(1),
    profile: z.enum(PROFILE_NAMES),
    image: z.string().min(1),
    uses: z.strictObject({ mesh: z.boolean(), monitoring: z.boolean(), tracing: z.boolean(), mtlsScrape: z.boolean() }),
});

export type TeamServiceConfig = z.infer<typeof schema>;

export function loadTeamServiceConfig(): TeamServiceConfig {
    const prefix = "team-service:";
    const raw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (!key.startsWith(prefix)) continue;
        try {
            raw[key.slice(prefix.length)] = JSON.parse(value);
        } catch {
            raw[key.slice(prefix.length)] = value;
        }
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${prefix}${i.path.join(".") || (i as { keys?: string[] }).keys?.join(", ")}: ${i.message}`);
        throw new Error(`Invalid stack configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    return parsed.data;
}
