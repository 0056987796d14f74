// A Gateway server's TLS credentialName names a Secret in the gateway pods' namespace that the
// stack creates, a cert-manager Certificate writes, or the policy config declares external
// (`externalSecrets`), e.g. a certificate an operator loads by hand (IST0101).
import { Analyzer } from "../context";
import { MESSAGES } from "../messages";
import { gatewayPods } from "./gatewayWorkloads";

export const gatewaySecrets: Analyzer = (ctx) => {
    const external = new Set(ctx.config.externalSecrets.map((s) => `${s.namespace}/${s.name}`));
    const certificates = new Set(ctx.index.ofKind("Certificate")
        .filter((c) => c.resource.type.startsWith("kubernetes:cert-manager.io/"))
        .map((c) => `${c.ref.namespace}/${c.resource.props.spec?.secretName}`));
    for (const gateway of ctx.index.ofKind("Gateway")) {
        const pods = gatewayPods(ctx, gateway);
        // The gateway pods read the Secret from their own namespace; without rendered pods, the
        // platform's convention (the Gateway beside its gateway Deployment) gives the namespace.
        const namespaces = pods.workloads.length > 0 ? [...new Set(pods.workloads.map((w) => w.ref.namespace))] : [gateway.ref.namespace];
        for (const server of gateway.resource.props.spec?.servers ?? []) {
            const name = server?.tls?.credentialName;
            if (typeof name !== "string" || name === "") continue;
            for (const namespace of namespaces) {
                const key = `${namespace}/${name}`;
                if (ctx.index.find("Secret", namespace, name) || external.has(key) || certificates.has(key)) continue;
                ctx.report(MESSAGES.ReferencedResourceNotFound, gateway,
                    `credentialName "${name}" (port ${server?.port?.number}): Secret ${key} is neither created by the stack nor declared in externalSecrets`);
            }
        }
    }
};
