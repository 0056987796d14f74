// Command pulumi-resource-tls — STAND-IN, our own code, not Pulumi's.
//
// What it stands in for: the `tls` provider (pulumi-tls, whose Node SDK @pulumi/tls 5.6.1 the
// program uses; the plugin reports that version so the engine picks this binary for it). The real
// provider is the module github.com/pulumi/pulumi-tls/provider/v5, which the Go module proxy this
// project reaches refuses at every version (list, @latest and named versions answer 403 "not
// available"), so it cannot be built here.
//
// What it implements: exactly the one resource the platform uses, tls:index/privateKey:PrivateKey,
// with the real one's inputs (algorithm RSA | ECDSA | ED25519, rsaBits default 2048, ecdsaCurve
// P224 | P256 | P384 | P521 default P224), its outputs (privateKeyPem — PKCS#1 for RSA, SEC 1 for
// ECDSA, PKCS#8 for ED25519 —, privateKeyPemPkcs8 and privateKeyOpenssh as secrets, publicKeyPem,
// publicKeyOpenssh, publicKeyFingerprintMd5 and publicKeyFingerprintSha256; the OpenSSH forms are
// empty for P224, which SSH does not support, as in the real one) and its lifecycle (any input
// change replaces it; nothing to delete). Keys come from crypto/rand. The ID is the hex SHA-1 of
// the public key's DER form.
//
// What that leaves unproven: everything else of the real provider (certificates, CSRs,
// self-signed and locally signed certs, public-key data sources, import, its schema, its exact ID
// and its Terraform-bridge diff behaviour). A preview or up through this binary shows that the
// engine, the Node SDK and the program agree on PrivateKey's shape and secrecy, and the keys are
// real keys of the asked kind; not how the real provider behaves beyond that.
package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // an identifier, as the real provider's, not a security use
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"

	"golang.org/x/crypto/ssh"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"reference-platform.local/toolchain/standin-providers/internal/standin"
)

// Version is set at build time to the @pulumi/tls version the program uses.
var Version = "0.0.0"

var curves = map[string]elliptic.Curve{
	"P224": elliptic.P224(),
	"P256": elliptic.P256(),
	"P384": elliptic.P384(),
	"P521": elliptic.P521(),
}

type privateKey struct{}

func (privateKey) Generated() []string {
	return []string{
		"privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh", "publicKeyPem",
		"publicKeyOpenssh", "publicKeyFingerprintMd5", "publicKeyFingerprintSha256",
	}
}

func (privateKey) Check(news resource.PropertyMap) (resource.PropertyMap, []*pulumirpc.CheckFailure) {
	m := news.Copy()
	if v, ok := m["algorithm"]; !ok || v.IsNull() {
		return m, []*pulumirpc.CheckFailure{standin.Failure("algorithm", "algorithm is required")}
	}
	standin.Default(m, "rsaBits", resource.NewNumberProperty(2048))
	standin.Default(m, "ecdsaCurve", resource.NewStringProperty("P224"))
	if m.ContainsUnknowns() {
		return m, nil
	}
	var failures []*pulumirpc.CheckFailure
	alg, _ := standin.String(m, "algorithm")
	switch alg {
	case "RSA", "ECDSA", "ED25519":
	default:
		failures = append(failures, standin.Failure("algorithm",
			"algorithm must be one of RSA, ECDSA, ED25519; got %q", alg))
	}
	if bits, ok := standin.Number(m, "rsaBits"); !ok || bits < 1024 {
		failures = append(failures, standin.Failure("rsaBits", "rsaBits must be a number >= 1024"))
	}
	if curve, _ := standin.String(m, "ecdsaCurve"); curves[curve] == nil {
		failures = append(failures, standin.Failure("ecdsaCurve",
			"ecdsaCurve must be one of P224, P256, P384, P521; got %q", curve))
	}
	return m, failures
}

func pemString(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}

func (privateKey) Create(in resource.PropertyMap) (string, resource.PropertyMap, error) {
	alg, _ := standin.String(in, "algorithm")
	var priv crypto.Signer
	var privPem string
	switch alg {
	case "RSA":
		bits, _ := standin.Number(in, "rsaBits")
		k, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			return "", nil, err
		}
		priv, privPem = k, pemString("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(k))
	case "ECDSA":
		name, _ := standin.String(in, "ecdsaCurve")
		k, err := ecdsa.GenerateKey(curves[name], rand.Reader)
		if err != nil {
			return "", nil, err
		}
		der, err := x509.MarshalECPrivateKey(k)
		if err != nil {
			return "", nil, err
		}
		priv, privPem = k, pemString("EC PRIVATE KEY", der)
	case "ED25519":
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return "", nil, err
		}
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			return "", nil, err
		}
		priv, privPem = k, pemString("PRIVATE KEY", der)
	default:
		return "", nil, fmt.Errorf("unsupported algorithm %q", alg)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return "", nil, err
	}
	pubDer, err := x509.MarshalPKIXPublicKey(priv.Public())
	if err != nil {
		return "", nil, err
	}

	// OpenSSH forms: empty where SSH has no such key type (ECDSA P224), as in the real provider.
	var privSSH, pubSSH, md5, sha256 string
	if curve, _ := standin.String(in, "ecdsaCurve"); alg != "ECDSA" || curve != "P224" {
		sshPub, err := ssh.NewPublicKey(priv.Public())
		if err != nil {
			return "", nil, err
		}
		block, err := ssh.MarshalPrivateKey(priv, "")
		if err != nil {
			return "", nil, err
		}
		privSSH = string(pem.EncodeToMemory(block))
		pubSSH = string(ssh.MarshalAuthorizedKey(sshPub))
		md5 = ssh.FingerprintLegacyMD5(sshPub)
		sha256 = ssh.FingerprintSHA256(sshPub)
	}

	id := sha1.Sum(pubDer) //nolint:gosec
	outs := in.Copy()
	outs["privateKeyPem"] = standin.Secret(privPem)
	outs["privateKeyPemPkcs8"] = standin.Secret(pemString("PRIVATE KEY", pkcs8))
	outs["privateKeyOpenssh"] = standin.Secret(privSSH)
	outs["publicKeyPem"] = resource.NewStringProperty(pemString("PUBLIC KEY", pubDer))
	outs["publicKeyOpenssh"] = resource.NewStringProperty(pubSSH)
	outs["publicKeyFingerprintMd5"] = resource.NewStringProperty(md5)
	outs["publicKeyFingerprintSha256"] = resource.NewStringProperty(sha256)
	return hex.EncodeToString(id[:]), outs, nil
}

func main() {
	standin.Serve(&standin.Provider{
		Name:     "tls",
		Version:  Version,
		StandsIn: "pulumi-tls (tls:index/privateKey:PrivateKey only)",
		Resources: map[string]standin.Resource{
			"tls:index/privateKey:PrivateKey": privateKey{},
		},
	})
}
