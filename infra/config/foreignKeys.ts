// Config outside the `platform:` namespace: the program reads none of it, so a key there is a
// mistake (a copied `kubernetes:context`, a stack file written for another project name).
const PROJECT_NAMESPACE = "platform";
/** The engine's own keys (pulumi:tags, pulumi:template, ...), never the program's. */
const ENGINE_NAMESPACE = "pulumi";

/** What the Kubernetes provider's own config keys are called here. */
const KUBERNETES_KEYS: Record<string, string> = {
    context: `${PROJECT_NAMESPACE}:kubernetes.context (pulumi config set --path 'kubernetes.context' <context>)`,
    renderYamlToDirectory: `${PROJECT_NAMESPACE}:kubernetes.renderYamlToDirectory (pulumi config set --path 'kubernetes.renderYamlToDirectory' <dir>)`,
    kubeconfig: `${PROJECT_NAMESPACE}:kubeconfig (pulumi config set --secret kubeconfig "$(cat <file>)")`,
};

/** The problem with a full config key outside the platform namespace, or undefined if it is none of ours. */
export function foreignKeyProblem(fullKey: string, platformKeys: readonly string[]): string | undefined {
    const colon = fullKey.indexOf(":");
    const [namespace, key] = [fullKey.slice(0, colon), fullKey.slice(colon + 1)];
    if (colon < 0 || namespace === PROJECT_NAMESPACE || namespace === ENGINE_NAMESPACE) return undefined;
    const area = key.split(/[.:]/)[0];
    if (namespace === "kubernetes") {
        const moved = KUBERNETES_KEYS[area];
        return `${fullKey}: the platform creates its own Kubernetes provider and ignores the kubernetes: namespace; ` +
            (moved ? `set ${moved} instead` : `its provider takes only ${Object.values(KUBERNETES_KEYS).map((k) => k.split(" ")[0]).join(", ")}`);
    }
    const hint = platformKeys.includes(area) ? `; did you mean ${PROJECT_NAMESPACE}:${key}?` : "";
    return `${fullKey}: this project reads only ${PROJECT_NAMESPACE}:* keys (Pulumi.yaml name: ${PROJECT_NAMESPACE}), ` +
        `so a key in namespace "${namespace}" is ignored${hint}`;
}
