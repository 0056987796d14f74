// The kubeconfig the cluster writes: the admin identity, server on loopback inside the namespace.
import * as fs from "fs";
import { stringify } from "yaml";
import { API_PORT } from "./layout";
import { Pki } from "./pki";

export const CONTEXT = "platform-local";

export function writeKubeconfig(file: string, pki: Pki): void {
    fs.writeFileSync(file, stringify({
        apiVersion: "v1", kind: "Config", "current-context": CONTEXT,
        clusters: [{ name: CONTEXT, cluster: { server: `https://127.0.0.1:${API_PORT}`, "certificate-authority": pki.ca } }],
        users: [{ name: "platform-admin", user: { "client-certificate": pki.adminCert, "client-key": pki.adminKey } }],
        contexts: [{ name: CONTEXT, context: { cluster: CONTEXT, user: "platform-admin" } }],
    }));
}
