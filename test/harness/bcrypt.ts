// bcrypt ($2a$, as @pulumi/random's bcryptHash and Argo CD use it), through bcryptjs, so the mocked
// RandomPassword yields a hash that really matches its password.
import { compareSync, genSaltSync, hashSync } from "bcryptjs";

/** The provider's cost (Go's bcrypt.DefaultCost). */
export const PROVIDER_COST = 10;
/** bcrypt's minimum: 2^4 rounds instead of 2^10, for mocks that run on every test. */
export const MIN_COST = 4;

/** A bcrypt hash of `password` with a fresh random salt. */
export function bcryptHash(password: string, cost = PROVIDER_COST): string {
    // $2a$ and $2b$ hash the same for passwords under 255 bytes; $2a$ is what the provider emits.
    return hashSync(password, genSaltSync(cost).replace(/^\$2b\$/, "$2a$"));
}

/** Whether `password` matches a `$2a$`/`$2b$`/`$2y$` bcrypt hash. */
export function bcryptMatches(password: string, hash: string): boolean {
    return /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash) && compareSync(password, hash.replace(/^\$2y\$/, "$2b$"));
}
