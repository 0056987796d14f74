// `unpinned`: every image is pinned, by a tag other than latest or by a digest (where the stack
// requires digests, `digest` judges instead and this rule makes no policy).
import { aboutValid, imageRule, validAnd } from "./image";

export const unpinned = imageRule("unpinned", (settings) => (settings.requireDigest ? undefined : {
    bad: validAnd("r.digest == '' && (r.hasTag == '' || r.tag == 'latest')"),
    text: `'image "' + c.image + '" ' + ${aboutValid("r.hasTag == '' ? 'has no tag, so it floats on latest' : 'uses the latest tag'")}`,
}));
