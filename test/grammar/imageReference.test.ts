// Image references, normalised as Docker, containerd and the kubelet do (the distribution
// reference library): Docker Hub by default, "library/" for official images, host:port registries.
import { strict as assert } from "assert";
import {
    ImageReference, imageName, parseImageReference, parseRegistryPrefix, registryPrefixCovers, unpinnedImageReason,
} from "@reference-platform/grammar";

const SHA256 = "sha256:" + "0123456789abcdef".repeat(4);

function parsed(image: string): ImageReference {
    const result = parseImageReference(image);
    assert.ok(result.ok, `${image}: ${!result.ok && result.problem}`);
    return result.ref;
}

describe("grammar: image references", () => {
    const normalised: Array<[string, ImageReference]> = [
        ["nginx", { registry: "docker.io", repository: "library/nginx", tag: undefined, digest: undefined }],
        ["nginx:1.27", { registry: "docker.io", repository: "library/nginx", tag: "1.27", digest: undefined }],
        ["docker.io/nginx", { registry: "docker.io", repository: "library/nginx", tag: undefined, digest: undefined }],
        ["docker.io/library/nginx:1.27", { registry: "docker.io", repository: "library/nginx", tag: "1.27", digest: undefined }],
        ["index.docker.io/nginx:1.27", { registry: "docker.io", repository: "library/nginx", tag: "1.27", digest: undefined }],
        ["jaegertracing/jaeger:2.5.0", { registry: "docker.io", repository: "jaegertracing/jaeger", tag: "2.5.0", digest: undefined }],
        ["ghcr.io/stefanprodan/podinfo:6.9.2", { registry: "ghcr.io", repository: "stefanprodan/podinfo", tag: "6.9.2", digest: undefined }],
        ["ghcr.io/nginx", { registry: "ghcr.io", repository: "nginx", tag: undefined, digest: undefined }],
        ["localhost/app", { registry: "localhost", repository: "app", tag: undefined, digest: undefined }],
        ["localhost:5000/team/app:1.0", { registry: "localhost:5000", repository: "team/app", tag: "1.0", digest: undefined }],
        ["registry.example.com:8443/app:v1", { registry: "registry.example.com:8443", repository: "app", tag: "v1", digest: undefined }],
        ["[::1]:5000/app:1", { registry: "[::1]:5000", repository: "app", tag: "1", digest: undefined }],
        ["Registry/app:1", { registry: "registry", repository: "app", tag: "1", digest: undefined }],
        [`nginx@${SHA256}`, { registry: "docker.io", repository: "library/nginx", tag: undefined, digest: SHA256 }],
        [`quay.io/argoproj/argocd:v3.4.4@${SHA256}`, { registry: "quay.io", repository: "argoproj/argocd", tag: "v3.4.4", digest: SHA256 }],
        ["public.ecr.aws/docker/library/redis:7.4", { registry: "public.ecr.aws", repository: "docker/library/redis", tag: "7.4", digest: undefined }],
        ["nginx:5000", { registry: "docker.io", repository: "library/nginx", tag: "5000", digest: undefined }],
        ["a/b__c/d-e.f_g:tag_1.0-x", { registry: "docker.io", repository: "a/b__c/d-e.f_g", tag: "tag_1.0-x", digest: undefined }],
    ];
    for (const [image, expected] of normalised) {
        it(`reads ${image.length > 60 ? `${image.slice(0, 50)}...` : image} as ${imageName(expected)}`, () =>
            assert.deepEqual(parsed(image), expected));
    }

    const rejected: Array<[string, RegExp]> = [
        ["", /is empty/],
        ["nginx:", /empty tag/],
        ["nginx :1.27", /whitespace/],
        ["Nginx:1.25", /upper-case/],
        ["ghcr.io/stefanprodan/PodInfo:6.9.2", /repository path "stefanprodan\/PodInfo" has upper-case letters/],
        ["nginx@sha256:abc123", /has 6 hex digits; sha256 has 64/],
        [`nginx@sha256:${"A".repeat(64)}`, /not lower-case hex/],
        [`nginx@md5:${"a".repeat(32)}`, /algorithm "md5"/],
        ["nginx@latest", /not of the form <algorithm>:<hex>/],
        ["nginx:-1", /tag "-1" is not valid/],
        [`nginx:${"a".repeat(129)}`, /tag .* is not valid/],
        ["localhost:port/app", /invalid port/],
        ["-bad.example.com/app", /not a valid host name/],
        ["ghcr.io/", /names no repository/],
        ["a//b", /path component "" is not valid/],
        ["a/-b", /path component "-b" is not valid/],
        ["a/b_-c", /path component "b_-c" is not valid/],
        ["0123456789abcdef".repeat(4), /image ID/],
        [`ghcr.io/${"a".repeat(256)}`, /longer than 255/],
    ];
    for (const [image, problem] of rejected) {
        it(`rejects ${JSON.stringify(image.length > 60 ? `${image.slice(0, 50)}...` : image)}`, () => {
            const result = parseImageReference(image);
            assert.equal(result.ok, false);
            assert.match(!result.ok ? result.problem : "", problem);
        });
    }

    it("counts the 255-character limit on the normalised repository path", () => {
        assert.ok(parseImageReference(`ghcr.io/${"a".repeat(255)}`).ok);
        assert.equal(parseImageReference("a".repeat(248)).ok, false, "library/ + 248 characters is 256");
    });

    describe("pinning", () => {
        const cases: Array<[string, RegExp | undefined]> = [
            ["nginx:1.27", undefined],
            [`nginx@${SHA256}`, undefined],
            [`nginx:latest@${SHA256}`, undefined],
            ["nginx", /has no tag/],
            ["docker.io/nginx:latest", /mutable tag "latest"/],
            ["nginx@sha256:abc", /is not a valid image reference: it digest/],
        ];
        for (const [image, reason] of cases) {
            it(`${reason ? "does not take" : "takes"} ${image.slice(0, 40)} as pinned`, () => {
                const got = unpinnedImageReason(image);
                if (reason) assert.match(got ?? "", reason);
                else assert.equal(got, undefined);
            });
        }
    });

    describe("registry prefixes", () => {
        const covers = (prefix: string, image: string) => registryPrefixCovers(parseRegistryPrefix(prefix), parsed(image));
        it("docker.io/library covers official images, however they are written", () => {
            for (const image of ["nginx:1.27", "docker.io/nginx:1.27", "index.docker.io/library/nginx:1.27"]) assert.ok(covers("docker.io/library", image), image);
            assert.equal(covers("docker.io/library", "grafana/grafana:11.0.0"), false);
        });
        it("compares whole path segments and the port", () => {
            assert.ok(covers("ghcr.io/stefanprodan", "ghcr.io/stefanprodan/podinfo:6.9.2"));
            assert.equal(covers("ghcr.io/stefanprodan", "ghcr.io/stefanprodan-fork/podinfo:6.9.2"), false);
            assert.equal(covers("quay.io", "quay.io:8443/argoproj/argocd:v3.4.4"), false);
            assert.ok(covers("index.docker.io", "nginx:1.27"), "the legacy Docker Hub name is Docker Hub");
        });
    });
});
