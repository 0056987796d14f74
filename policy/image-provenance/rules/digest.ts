// `digest`: where the stack requires it (`requireDigest`), every image is pinned by digest: a tag
// can be moved to another image, a digest cannot.
import { imageRule, validAnd } from "./image";

export const digest = imageRule("digest", (settings) => (settings.requireDigest ? {
    bad: validAnd("r.digest == ''"),
    text: "'image \"' + c.image + '\" is not pinned by digest'",
} : undefined));
