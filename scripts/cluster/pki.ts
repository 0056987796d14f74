// The cluster's certificates and keys, made with openssl: a CA, the API server's serving
// certificate, an admin client certificate (system:masters) for the controllers and the suite, and
// the ServiceAccount token signing key. `serving()` issues further serving certificates (webhook
// stand-ins) from the same CA.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ADVERTISE_ADDRESS, CLUSTER_DOMAIN, SERVICE_CIDR } from "./layout";

const openssl = (args: string[], cwd: string) => execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });

/** The first address of the Service range: the `kubernetes` Service's ClusterIP. */
export function kubernetesServiceIP(): string {
    const [base] = SERVICE_CIDR.split("/");
    const octets = base.split(".").map(Number);
    octets[3] += 1;
    return octets.join(".");
}

export interface Pki {
    dir: string;
    ca: string;
    caKey: string;
    apiserverCert: string;
    apiserverKey: string;
    adminCert: string;
    adminKey: string;
    serviceAccountKey: string;
    serviceAccountPub: string;
}

function issue(dir: string, name: string, subject: string, extensions: string): void {
    openssl(["genrsa", "-out", `${name}.key`, "2048"], dir);
    openssl(["req", "-new", "-key", `${name}.key`, "-subj", subject, "-out", `${name}.csr`], dir);
    fs.writeFileSync(path.join(dir, `${name}.ext`), extensions);
    openssl(["x509", "-req", "-in", `${name}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "30", "-sha256", "-extfile", `${name}.ext`, "-out", `${name}.crt`], dir);
}

function pkiAt(dir: string): Pki {
    const f = (n: string) => path.join(dir, n);
    return {
        dir, ca: f("ca.crt"), caKey: f("ca.key"), apiserverCert: f("apiserver.crt"), apiserverKey: f("apiserver.key"),
        adminCert: f("admin.crt"), adminKey: f("admin.key"), serviceAccountKey: f("sa.key"), serviceAccountPub: f("sa.pub"),
    };
}

export function createPki(dir: string): Pki {
    fs.mkdirSync(dir, { recursive: true });
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
        "-days", "30", "-subj", "/CN=platform-local-ca"], dir);
    const names = ["kubernetes", "kubernetes.default", "kubernetes.default.svc", `kubernetes.default.svc.${CLUSTER_DOMAIN}`, "localhost"];
    const ips = ["127.0.0.1", ADVERTISE_ADDRESS, kubernetesServiceIP()];
    issue(dir, "apiserver", "/CN=kube-apiserver",
        `subjectAltName=${[...names.map((n) => `DNS:${n}`), ...ips.map((i) => `IP:${i}`)].join(",")}\nextendedKeyUsage=serverAuth\n`);
    issue(dir, "admin", "/O=system:masters/CN=platform-admin", "extendedKeyUsage=clientAuth\n");
    openssl(["genrsa", "-out", "sa.key", "2048"], dir);
    openssl(["rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub"], dir);
    return pkiAt(dir);
}

export function existingPki(dir: string): Pki {
    return pkiAt(dir);
}

/** A serving certificate from the cluster CA for the given DNS names; returns its cert and key paths. */
export function serving(pki: Pki, name: string, dnsNames: string[]): { cert: string; key: string } {
    issue(pki.dir, name, `/CN=${dnsNames[0]}`,
        `subjectAltName=${dnsNames.map((n) => `DNS:${n}`).join(",")}\nextendedKeyUsage=serverAuth\n`);
    return { cert: path.join(pki.dir, `${name}.crt`), key: path.join(pki.dir, `${name}.key`) };
}
