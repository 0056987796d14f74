// bcrypt ($2a$, as @pulumi/random's bcryptHash and Argo CD use it), so the mocked RandomPassword
// yields a hash that really matches its password. Test-only and dependency-free: Blowfish's
// initial P-array and S-boxes are the hexadecimal digits of pi, computed here with BigInt.
import { randomBytes } from "crypto";

const BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const P_WORDS = 18;
const S_WORDS = 4 * 256;

let piWords: Uint32Array | undefined;

/** The first `count` 32-bit words of pi's fractional part in hexadecimal (Machin's formula). */
function fractionOfPi(count: number): Uint32Array {
    const bits = BigInt(count * 32 + 64);
    const one = 1n << bits;
    const arctanInverse = (x: bigint): bigint => {
        let term = one / x;
        let sum = term;
        const xSquared = x * x;
        for (let k = 1n; term !== 0n; k++) {
            term /= xSquared;
            sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
        }
        return sum;
    };
    const pi = 16n * arctanInverse(5n) - 4n * arctanInverse(239n);
    const fraction = pi - 3n * one;
    const words = new Uint32Array(count);
    for (let i = 0; i < count; i++) words[i] = Number((fraction >> (bits - 32n * BigInt(i + 1))) & 0xffffffffn);
    return words;
}

class Blowfish {
    readonly p: Uint32Array;
    readonly s: Uint32Array;

    constructor() {
        piWords ??= fractionOfPi(P_WORDS + S_WORDS);
        this.p = piWords.slice(0, P_WORDS);
        this.s = piWords.slice(P_WORDS);
    }

    private f(x: number): number {
        const s = this.s;
        return ((((s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) >>> 0) ^ s[512 + ((x >>> 8) & 0xff)]) + s[768 + (x & 0xff)]) >>> 0;
    }

    encipher(block: Uint32Array, offset: number): void {
        const p = this.p;
        let l = block[offset] ^ p[0];
        let r = block[offset + 1];
        for (let i = 1; i <= 16; i += 2) {
            r ^= this.f(l >>> 0) ^ p[i];
            l ^= this.f(r >>> 0) ^ p[i + 1];
        }
        block[offset] = (r ^ p[17]) >>> 0;
        block[offset + 1] = l >>> 0;
    }

    /** Mixes `key` into the P-array, then re-encrypts P and S, XOR-ing in `salt` words if given. */
    expandKey(key: Uint8Array, salt?: Uint8Array): void {
        const keyWords = wordStream(key);
        for (let i = 0; i < P_WORDS; i++) this.p[i] = (this.p[i] ^ keyWords()) >>> 0;
        const saltWords = salt ? wordStream(salt) : () => 0;
        const block = new Uint32Array(2);
        const refill = (target: Uint32Array, at: number) => {
            block[0] ^= saltWords();
            block[1] ^= saltWords();
            this.encipher(block, 0);
            target[at] = block[0];
            target[at + 1] = block[1];
        };
        for (let i = 0; i < P_WORDS; i += 2) refill(this.p, i);
        for (let i = 0; i < S_WORDS; i += 2) refill(this.s, i);
    }
}

/** Big-endian 32-bit words read cyclically from `data`. */
function wordStream(data: Uint8Array): () => number {
    let at = 0;
    return () => {
        let word = 0;
        for (let i = 0; i < 4; i++) {
            word = ((word << 8) | data[at]) >>> 0;
            at = (at + 1) % data.length;
        }
        return word;
    };
}

const translate = (text: string, from: string, to: string) => [...text].map((c) => to[from.indexOf(c)]).join("");
const encode = (bytes: Uint8Array) => translate(Buffer.from(bytes).toString("base64").replace(/=+$/, ""), BASE64_ALPHABET, BCRYPT_ALPHABET);
const decode = (text: string) => new Uint8Array(Buffer.from(translate(text, BCRYPT_ALPHABET, BASE64_ALPHABET), "base64"));

function hashWithSalt(password: string, cost: number, salt: Uint8Array): string {
    const key = new Uint8Array([...Buffer.from(password, "utf8").subarray(0, 72), 0]).subarray(0, 72);
    const blowfish = new Blowfish();
    blowfish.expandKey(key, salt);
    for (let round = 0; round < 2 ** cost; round++) {
        blowfish.expandKey(key);
        blowfish.expandKey(salt);
    }
    const text = new Uint32Array(wordsOf(Buffer.from("OrpheanBeholderScryDoubt")));
    for (let i = 0; i < 64; i++) for (let j = 0; j < 6; j += 2) blowfish.encipher(text, j);
    const digest = Buffer.alloc(24);
    text.forEach((word, i) => digest.writeUInt32BE(word, 4 * i));
    return `$2a$${String(cost).padStart(2, "0")}$${encode(salt)}${encode(digest.subarray(0, 23))}`;
}

function wordsOf(bytes: Buffer): number[] {
    const words: number[] = [];
    for (let i = 0; i < bytes.length; i += 4) words.push(bytes.readUInt32BE(i));
    return words;
}

/** A bcrypt hash of `password` with a fresh random salt; cost 10 like @pulumi/random. */
export function bcryptHash(password: string, cost = 10): string {
    return hashWithSalt(password, cost, randomBytes(16));
}

/** Whether `password` matches a `$2a$`/`$2b$`/`$2y$` bcrypt hash (passwords under 72 bytes). */
export function bcryptMatches(password: string, hash: string): boolean {
    const parsed = /^\$2[aby]\$(\d\d)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/.exec(hash);
    if (!parsed) return false;
    const salt = decode(parsed[2]).subarray(0, 16);
    return hashWithSalt(password, Number(parsed[1]), salt).slice(-31) === parsed[3];
}
