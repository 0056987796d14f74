// Static names: the chart's fullnameOverride pins its Deployment, Service and ServiceAccount.

/** The Helm release and fullnameOverride of the kiali-server chart. */
export const KIALI_FULLNAME = "kiali";
/** The chart's Service port for the UI and API (server.port). */
export const KIALI_PORT = 20001;
/** Holds the key Kiali signs its session tokens with; the chart mounts it (login_token.signing_key). */
export const SIGNING_KEY_SECRET = { name: "kiali-signing-key", key: "key" } as const;
/** Kiali accepts signing keys of 16, 24 or 32 characters. */
export const SIGNING_KEY_LENGTH = 32;

export function kialiUrl(namespace: string): string {
    return `http://${KIALI_FULLNAME}.${namespace}.svc:${KIALI_PORT}`;
}
