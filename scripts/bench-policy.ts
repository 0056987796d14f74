// Policy evaluation cost against program size: synthetic stacks of growing size (tenant
// namespaces with their guardrails, Deployments, Services, ServiceAccounts, PDBs, ServiceMonitors)
// through every policy of the pack with the prod config, as the engine would run them.
//
//   npx tsx scripts/bench-policy.ts [sizes...]      e.g. npx tsx scripts/bench-policy.ts 1000 4000
import { performance } from "perf_hooks";
import { HarnessResource, runPolicyPack } from "../test/policy/harness";
import { resource, restrictedPod, workload } from "../test/policy/fixtures/pods";

/** About 10 resources per team of 3 services: namespace, quota, limits, default-deny, and per service 4 objects. */
function syntheticStack(size: number): HarnessResource[] {
    const chart = resource("kubernetes:helm.sh/v4:Chart", "kube-prometheus-stack", { chart: "kube-prometheus-stack", version: "88.5.3", namespace: "monitoring" });
    const resources: HarnessResource[] = [chart];
    for (let team = 0; resources.length < size; team++) {
        const ns = `team-${team}`;
        const meta = (name: string) => ({ metadata: { name, namespace: ns } });
        resources.push(
            resource("kubernetes:core/v1:Namespace", ns, { metadata: { name: ns, labels: {
                "pod-security.kubernetes.io/enforce": "restricted", "platform.example.com/tenant": "true", "platform.example.com/team": ns } } }),
            resource("kubernetes:core/v1:ResourceQuota", `${ns}-quota`, { ...meta("team-quota"), spec: { hard: { pods: "50" } } }),
            resource("kubernetes:core/v1:LimitRange", `${ns}-limits`, { ...meta("container-defaults"), spec: { limits: [] } }),
            resource("kubernetes:networking.k8s.io/v1:NetworkPolicy", `${ns}-default-deny`,
                { ...meta("default-deny"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } }),
        );
        for (let service = 0; service < 3; service++) {
            const name = `svc-${service}`;
            const pod = restrictedPod();
            pod.metadata.labels = { app: name };
            pod.spec.serviceAccountName = name;
            const deployment = workload("Deployment", pod, ns, name);
            deployment.name = `${ns}-${name}`;
            deployment.urn += `-${ns}`;
            deployment.props.spec.replicas = 2;
            resources.push(
                deployment,
                resource("kubernetes:core/v1:ServiceAccount", `${ns}-${name}-sa`, meta(name)),
                resource("kubernetes:core/v1:Service", `${ns}-${name}-svc`, { ...meta(name), spec: { type: "ClusterIP", selector: { app: name } } }),
                resource("kubernetes:policy/v1:PodDisruptionBudget", `${ns}-${name}-pdb`, { ...meta(name), spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } } }),
                resource("kubernetes:monitoring.coreos.com/v1:ServiceMonitor", `${ns}-${name}-monitor`, { ...meta(name), spec: {} }, { dependencies: [chart.urn] }),
            );
        }
    }
    return resources;
}

async function measure(size: number): Promise<{ size: number; millis: number; diagnostics: number }> {
    const resources = syntheticStack(size);
    const start = performance.now();
    const diagnostics = await runPolicyPack(resources, "prod");
    return { size: resources.length, millis: performance.now() - start, diagnostics: diagnostics.length };
}

async function main() {
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    await measure(500); // warm-up: module loading and JIT
    const rows = [];
    for (const size of sizes.length > 0 ? sizes : [1000, 2000, 4000, 8000]) rows.push(await measure(size));
    const first = rows[0];
    console.log("resources | total ms | µs/resource | cost vs first, per resource | diagnostics");
    console.log("--------- | -------- | ----------- | --------------------------- | -----------");
    for (const r of rows) {
        const perResource = (r.millis * 1000) / r.size;
        const ratio = perResource / ((first.millis * 1000) / first.size);
        console.log(`${String(r.size).padStart(9)} | ${r.millis.toFixed(0).padStart(8)} | ${perResource.toFixed(1).padStart(11)} | ${ratio.toFixed(2).padStart(27)} | ${String(r.diagnostics).padStart(11)}`);
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
