// Elasticsearch serves HTTPS with a certificate from ECK's self-signed CA. Its public CA lives in
// the logging namespace (`elasticsearch-es-http-certs-public`); clients in other namespaces (Fluent
// Bit, Jaeger) cannot mount it from there. A curl task copies just `ca.crt` into an
// `elasticsearch-ca` Secret in each consumer namespace by server-side apply, right after deploy and
// then hourly, so a CA that ECK rotates reaches the clients too. RBAC: read that one Secret in the
// logging namespace; create/patch Secrets in the consumer namespaces (create cannot be limited by name).
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createCurlTask, CurlTask } from "./curlTask";
import { CA_KEY, ELASTICSEARCH_CA_SECRET, ELASTICSEARCH_HTTP_CA_SECRET } from "./names";

export const CA_SYNC_NAME = "elasticsearch-ca-sync";
const SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

// printf template of the applied Secret: %s = namespace, then the base64 CA (copied as-is).
const SECRET_TEMPLATE = JSON.stringify({
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
        name: ELASTICSEARCH_CA_SECRET,
        namespace: "%s",
        labels: { "app.kubernetes.io/name": ELASTICSEARCH_CA_SECRET, "app.kubernetes.io/managed-by": CA_SYNC_NAME },
    },
    type: "Opaque",
    data: { [CA_KEY]: "%s" },
});

const SCRIPT = `
API=https://kubernetes.default.svc
printf 'header = "Authorization: Bearer %s"\\n' "$(cat ${SA_DIR}/token)" > /tmp/kube.curlrc
kube() {
  curl --silent --show-error --fail-with-body --config /tmp/kube.curlrc --cacert ${SA_DIR}/ca.crt "$@"
}
CA=""
until [ -n "$CA" ]; do
  CA=$(kube "$API/api/v1/namespaces/$SOURCE_NAMESPACE/secrets/${ELASTICSEARCH_HTTP_CA_SECRET}?pretty=false" |
    sed -n 's/.*"ca\\.crt": *"\\([^"]*\\)".*/\\1/p') || true
  [ -n "$CA" ] || { echo "waiting for ${ELASTICSEARCH_HTTP_CA_SECRET}"; sleep 10; }
done
for ns in $TARGET_NAMESPACES; do
  printf "$SECRET_TEMPLATE" "$ns" "$CA" |
    kube -X PATCH -H 'Content-Type: application/apply-patch+yaml' --data-binary @- \\
      "$API/api/v1/namespaces/$ns/secrets/${ELASTICSEARCH_CA_SECRET}?fieldManager=${CA_SYNC_NAME}&force=true" >/dev/null
  echo "copied the Elasticsearch CA to $ns"
done
`;

export interface CaDistributionArgs {
    /** The logging namespace, holding the ECK-generated CA Secret. */
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
    /** Consumer (e.g. "fluent-bit", "tracing") -> its namespace. */
    targetNamespaces: Record<string, pulumi.Input<string>>;
}

export interface CaDistribution extends CurlTask {
    serviceAccount: k8s.core.v1.ServiceAccount;
}

export function createCaDistribution(args: CaDistributionArgs, opts: pulumi.CustomResourceOptions): CaDistribution {
    const serviceAccount = new k8s.core.v1.ServiceAccount(CA_SYNC_NAME, {
        metadata: { name: CA_SYNC_NAME, namespace: args.namespace, labels: args.labels },
        automountServiceAccountToken: false,
    }, opts);
    const subjects = [{ kind: "ServiceAccount", name: serviceAccount.metadata.name, namespace: args.namespace }];
    const bind = (name: string, namespace: pulumi.Input<string>, rules: k8s.types.input.rbac.v1.PolicyRule[]) => {
        const role = new k8s.rbac.v1.Role(name, {
            metadata: { name: CA_SYNC_NAME, namespace, labels: args.labels },
            rules,
        }, opts);
        return new k8s.rbac.v1.RoleBinding(name, {
            metadata: { name: CA_SYNC_NAME, namespace, labels: args.labels },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
            subjects,
        }, opts);
    };
    const bindings = [bind(`${CA_SYNC_NAME}-source`, args.namespace, [
        { apiGroups: [""], resources: ["secrets"], resourceNames: [ELASTICSEARCH_HTTP_CA_SECRET], verbs: ["get"] },
    ])];
    Object.entries(args.targetNamespaces).forEach(([consumer, ns]) => bindings.push(bind(`${CA_SYNC_NAME}-${consumer}`, ns, [
        { apiGroups: [""], resources: ["secrets"], resourceNames: [ELASTICSEARCH_CA_SECRET], verbs: ["get", "patch"] },
        { apiGroups: [""], resources: ["secrets"], verbs: ["create"] },
    ])));

    const task = createCurlTask(CA_SYNC_NAME, {
        namespace: args.namespace,
        labels: args.labels,
        script: SCRIPT,
        schedule: "41 * * * *",
        serviceAccountName: serviceAccount.metadata.name,
        env: [
            { name: "SOURCE_NAMESPACE", value: args.namespace },
            { name: "TARGET_NAMESPACES", value: pulumi.all(Object.values(args.targetNamespaces)).apply((ns) => ns.join(" ")) },
            { name: "SECRET_TEMPLATE", value: SECRET_TEMPLATE },
        ],
    }, { ...opts, dependsOn: bindings });
    return { ...task, serviceAccount };
}
