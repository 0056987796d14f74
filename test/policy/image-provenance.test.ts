import * as assert from "assert";
import { imageProvenance } from "../../policy/policies";
import { restrictedPod, workload } from "./fixtures/pods";
import { resourceMessages } from "./policyCall";

const REGISTRIES = ["ghcr.io/stefanprodan", "docker.io", "quay.io", "public.ecr.aws/docker/library"];

const withImage = (image: string | undefined, config: Record<string, any> = { allowedRegistries: REGISTRIES }) => {
    const pod = restrictedPod();
    pod.spec.containers[1].image = image;
    return resourceMessages(imageProvenance, workload("CronJob", pod), config);
};

describe("image-provenance", () => {
    for (const image of ["ghcr.io/stefanprodan/podinfo:6.9.2", "nginx:1.27", "jaegertracing/jaeger:2.5.0",
        "quay.io/argoproj/argocd@sha256:" + "a".repeat(64), "public.ecr.aws/docker/library/redis:7.4", "index.docker.io/istio/proxyv2:1.29.1"]) {
        it(`accepts ${image}`, async () => assert.deepStrictEqual(await withImage(image), []));
    }

    const cases: Array<[string, string | undefined, string]> = [
        ["no tag", "nginx", 'image "nginx" has no tag, so it floats on latest'],
        ["the latest tag", "quay.io/prometheus/prometheus:latest", 'image "quay.io/prometheus/prometheus:latest" uses the latest tag'],
        ["a registry not allowed", "ghcr.io/evil/podinfo:6.9.2", 'image "ghcr.io/evil/podinfo:6.9.2" (ghcr.io/evil/podinfo) is not from an allowed registry'],
        ["a registry prefix that only looks allowed", "ghcr.io/stefanprodan-fork/podinfo:1.0.0", "is not from an allowed registry"],
        ["no image", undefined, "sets no image"],
        ["a host that only starts like an allowed one", "ghcr.io.evil.com/stefanprodan/podinfo:6.9.2",
            '(ghcr.io.evil.com/stefanprodan/podinfo) is not from an allowed registry'],
        ["an allowed host on another port", "quay.io:8443/argoproj/argocd:v3.4.4", "(quay.io:8443/argoproj/argocd) is not from an allowed registry"],
        ["an empty tag", "nginx:", 'image "nginx:" is not a valid reference: it has an empty tag after ":"'],
        ["a digest of the wrong length", "nginx@sha256:abc123", 'is not a valid reference: it digest "sha256:abc123" has 6 hex digits; sha256 has 64'],
        ["an unknown digest algorithm", `nginx@md5:${"a".repeat(32)}`, 'digest algorithm "md5" is not one of sha256, sha384, sha512'],
        ["upper case in the repository path", "ghcr.io/stefanprodan/PodInfo:6.9.2",
            'is not a valid reference: it repository path "stefanprodan/PodInfo" has upper-case letters; it must be lower case'],
        ["a trailing space", "nginx:1.27 ", "is not a valid reference: it contains whitespace"],
        ["an invalid tag", "nginx:-1", 'tag "-1" is not valid'],
    ];
    for (const [name, image, expected] of cases) {
        it(`reports ${name}`, async () => {
            const messages = await withImage(image);
            assert.strictEqual(messages.length, 1, messages.join("\n"));
            assert.ok(messages[0].startsWith('CronJob shop/cart: container "sidecar": ') && messages[0].includes(expected), messages[0]);
        });
    }

    it("allows Docker Hub per organisation, by whole path segments", async () => {
        const config = { allowedRegistries: ["ghcr.io/stefanprodan", "docker.io/grafana", "docker.io/library"] };
        assert.deepStrictEqual(await withImage("grafana/grafana:13.2.0", config), []);
        assert.deepStrictEqual(await withImage("docker.io/library/redis:8.2", config), []);
        assert.deepStrictEqual(await withImage("redis:8.2", config), []);
        for (const image of ["grafana-x/grafana:1.0", "jaegertracing/jaeger:2.19.0", "docker.io/grafanalabs/loki:3.0"]) {
            const messages = await withImage(image, config);
            assert.strictEqual(messages.length, 1, image);
            assert.match(messages[0], /is not from an allowed registry: ghcr\.io\/stefanprodan, docker\.io\/grafana, docker\.io\/library$/);
        }
    });

    it("rejects an allowed-registry entry that is not a host and path", async () => {
        await assert.rejects(withImage("nginx:1.27", { allowedRegistries: ["https://ghcr.io/"] }), /allowedRegistries\[0\]/);
    });

    it("judges a DeploymentPatch's images like a Deployment's", async () => {
        const pod = restrictedPod();
        pod.spec.containers[1].image = "busybox:latest";
        const patch = workload("Deployment", pod);
        patch.type = "kubernetes:apps/v1:DeploymentPatch";
        assert.deepStrictEqual(await resourceMessages(imageProvenance, patch, { allowedRegistries: REGISTRIES }),
            ['Deployment shop/cart: container "sidecar": image "busybox:latest" uses the latest tag']);
    });

    it("requires digests where configured", async () => {
        // A rule is one admission validation, so it reports one message: each container's problem, joined.
        const messages = await withImage("nginx:1.27", { allowedRegistries: REGISTRIES, requireDigest: true });
        assert.strictEqual(messages.length, 1, messages.join("\n"));
        assert.ok(messages[0].split("; ").includes('container "sidecar": image "nginx:1.27" is not pinned by digest'), messages[0]);
    });
});
