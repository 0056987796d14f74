// npm run token:dev -- [--sub NAME] [--claim KEY=VALUE ...] [--ttl SECONDS] < key.json
// Prints a token signed by dev's local issuer. A claim given more than once becomes a list.
import { parseArgs } from "util";
import { issuerKeyFrom, mintDevToken } from "./mint";

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            sub: { type: "string", default: "developer" },
            claim: { type: "string", multiple: true, default: [] },
            ttl: { type: "string", default: "3600" },
        },
    });
    const claims: Record<string, string[]> = {};
    for (const pair of values.claim ?? []) {
        const at = pair.indexOf("=");
        if (at < 1) throw new Error(`--claim ${pair}: expected KEY=VALUE, e.g. roles=payment-processor`);
        (claims[pair.slice(0, at)] ??= []).push(pair.slice(at + 1));
    }
    const ttlSeconds = Number(values.ttl);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new Error(`--ttl ${values.ttl}: expected whole seconds`);
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const key = issuerKeyFrom(Buffer.concat(chunks).toString("utf8"));
    const token = await mintDevToken(key, {
        subject: values.sub!,
        claims: Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, v.length > 1 ? v : v[0]])),
        ttlSeconds,
    });
    process.stdout.write(`${token}\n`);
}

main().catch((e: Error) => {
    console.error(`token:dev: ${e.message}`);
    process.exit(2);
});
