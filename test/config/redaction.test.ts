// No error message repeats a credential from a URL: a stack that puts `user:token@` in a URL is
// refused, and the refusal shows the URL as `https://***@host/...`.
import { strict as assert } from "assert";
import { z } from "zod";
import { formatIssues } from "@reference-platform/consumer/shared/issues";
import { redactUrlCredentials } from "@reference-platform/consumer/shared/redact";
import { StackConfigError } from "@reference-platform/consumer/shared/stackConfig";
import { resolvePlatformConfig } from "../../infra/config/load";

const TOKEN = "ghp_planted0b6f1e2d";

/** The message resolvePlatformConfig throws for the dev stack with `values` set. */
function refusal(values: Record<string, unknown>): string {
    const encoded = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, JSON.stringify(v)]));
    try {
        resolvePlatformConfig({ stack: "dev", values: encoded, secretKeys: new Set() });
    } catch (e) {
        return (e as Error).message;
    }
    assert.fail("the config was accepted");
}

describe("credentials in URLs never reach an error message", () => {
    const cases: [string, string, string][] = [
        ["user and token", `https://bot:${TOKEN}@github.com/org/apps.git`, "https://***@github.com/org/apps.git"],
        ["a token alone", `https://${TOKEN}@git.example.com/x`, "https://***@git.example.com/x"],
        ["inside a sentence, twice", `got "https://a:${TOKEN}@h/x" and oci://u:${TOKEN}@r.example/c`, 'got "https://***@h/x" and oci://***@r.example/c'],
        ["a URL without user information", "https://github.com/org/apps.git", "https://github.com/org/apps.git"],
        ["an e-mail address, not a URL", "team@example.com", "team@example.com"],
    ];
    for (const [what, text, expected] of cases) {
        it(`redacts ${what}`, () => assert.equal(redactUrlCredentials(text), expected));
    }

    it("refuses the root app's repoURL with a token, naming the key and the redacted URL", () => {
        const message = refusal({ gitops: { rootApp: { repoURL: `https://bot:${TOKEN}@github.com/org/apps.git`, targetRevision: "main" } } });
        assert.match(message, /platform:gitops\.rootApp\.repoURL: credentials in a URL/);
        assert.ok(message.includes('(got "https://***@github.com/org/apps.git")'), message);
        assert.ok(!message.includes(TOKEN) && !message.includes("bot:"), message);
    });

    it("refuses a chart mirror and a team repository with a token, without the token", () => {
        const message = refusal({
            chartRepositories: { jaeger: `https://mirror:${TOKEN}@charts.internal/` },
            tenancy: { teams: [{ name: "shop", group: "g", costCenter: "c", sourceRepos: [`https://u:${TOKEN}@git.example/shop.git`] }] },
            shop: { team: "shop" },
        });
        assert.match(message, /platform:chartRepositories\.jaeger: /);
        assert.match(message, /platform:tenancy\.teams\[0\]\.sourceRepos\[0\]: /);
        assert.ok(!message.includes(TOKEN), message);
    });

    it("redacts what a team's program reports too (the package's formatter and error)", () => {
        const schema = z.strictObject({ repo: z.string().regex(/^ssh:/, { message: "must be an ssh:// URL" }) });
        const input = { repo: `https://u:${TOKEN}@git.example/x.git` };
        const lines = formatIssues("team:", schema, schema.safeParse(input).error!.issues, input);
        assert.deepEqual(lines, ['team:repo: must be an ssh:// URL (got "https://***@git.example/x.git")']);
        const error = new StackConfigError([`team:repo: unreachable https://u:${TOKEN}@git.example/x.git`]);
        assert.ok(!error.message.includes(TOKEN) && !error.problems.join("").includes(TOKEN), error.message);
    });
});
