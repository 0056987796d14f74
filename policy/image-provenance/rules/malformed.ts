// `malformed`: every container names an image, and a reference distribution (and so the kubelet)
// can pull: the explanation is the grammar's, step by step (imageReference.ts).
import { HAS_IMAGE, imageRule, PARSED } from "./image";

export const malformed = imageRule("malformed", () => ({
    bad: `!${HAS_IMAGE} || ${PARSED}.problem != ''`,
    text: `!${HAS_IMAGE} ? 'sets no image' : 'image "' + c.image + '" is not a valid reference: it ' + ${PARSED}.problem`,
}));
