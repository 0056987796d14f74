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
    ];
    for (const [name, image, expected] of cases) {
        it(`reports ${name}`, async () => {
            const messages = await withImage(image);
            assert.strictEqual(messages.length, 1, messages.join("\n"));
            assert.ok(messages[0].startsWith('CronJob shop/cart: container "sidecar": ') && messages[0].includes(expected), messages[0]);
        });
    }

    it("requires digests where configured", async () => {
        const messages = await withImage("nginx:1.27", { allowedRegistries: REGISTRIES, requireDigest: true });
        assert.deepStrictEqual(messages.filter((m) => m.includes("sidecar")), ['CronJob shop/cart: container "sidecar": image "nginx:1.27" is not pinned by digest']);
    });
});
