// The image reference grammar in CEL (policy/image-provenance/imageReference.ts) reads every
// reference as the grammar package's parser does: the same verdict, the same explanation, and for
// a valid one the same normalised registry, repository, tag and digest.
import { strict as assert } from "assert";
import { parseImageReference } from "@reference-platform/grammar";
import { evaluateValidation } from "../../../policy/admission/cel";
import { parseImageCel } from "../../../policy/image-provenance/imageReference";

const IMAGES = [
    "ghcr.io/stefanprodan/podinfo:6.9.2", "nginx:1.27", "nginx", "jaegertracing/jaeger:2.5.0", `quay.io/argoproj/argocd@sha256:${"a".repeat(64)}`,
    "public.ecr.aws/docker/library/redis:7.4", "index.docker.io/istio/proxyv2:1.29.1", "INDEX.docker.io/x/y", "docker.io/nginx", "nginx:", "nginx@sha256:abc123",
    `nginx@md5:${"a".repeat(32)}`, "ghcr.io/stefanprodan/PodInfo:6.9.2", "nginx:1.27 ", "nginx:-1", "a_b.c/d", "ABC/def", "localhost/x", "localhost:5000/x:1",
    "[::1]:5000/x", "quay.io:8443/a/b:v1", "quay.io:x/a", "-bad.io/a", "a".repeat(64), "x/", "/x", "a//b", "a@", "a@sha256:", `a:b@sha256:${"A".repeat(64)}`,
    "a/b:c:d", "reg.io/", "a__b/c", "a___b", "a--b/c-d", "ghcr.io/a/b:latest", `x@sha384:${"0".repeat(96)}`, `a/${"b".repeat(260)}`, "",
];

const FIELDS = ["problem", "registry", "repository", "tag", "digest", "hasTag"];

describe("image references in CEL", () => {
    for (const image of IMAGES) {
        it(JSON.stringify(image.length > 60 ? `${image.slice(0, 60)}…` : image), () => {
            const verdict = evaluateValidation({
                variables: [{ name: "r", expression: parseImageCel("object.image") }],
                expression: "false",
                messageExpression: FIELDS.map((f) => `variables.r.${f}`).join(" + '|' + "),
            }, { image }, null);
            const parsed = parseImageReference(image);
            const expected = parsed.ok
                ? ["", parsed.ref.registry, parsed.ref.repository, parsed.ref.tag ?? "", parsed.ref.digest ?? "", parsed.ref.tag !== undefined ? "yes" : ""]
                : [parsed.problem, "", "", "", "", ""];
            assert.equal(verdict.valid ? "" : verdict.message, expected.join("|"));
        });
    }
});
