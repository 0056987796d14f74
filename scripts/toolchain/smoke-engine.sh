#!/usr/bin/env bash
# Smoke test of the engine build-engine.sh builds: a tiny TypeScript program (one RandomPassword,
# one tls PrivateKey) in a temporary directory, against a local backend with a passphrase and no
# plugin downloads: `pulumi up`, a second preview that must show no changes, `pulumi destroy`.
# Then the Kubernetes provider: a program with a k8s.Provider whose kubeconfig does not exist
# previews, and its `up` fails with the provider's own "cluster is unreachable" error.
# Uses the repository's node_modules (run `npm ci` first). Nothing is written inside the clone.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TOOLCHAIN=${PLATFORM_TOOLCHAIN_DIR:-$HOME/.cache/reference-platform/toolchain}
[[ -d $REPO/node_modules/@pulumi/pulumi ]] || { echo "run npm ci in $REPO first" >&2; exit 2; }

export PATH="$TOOLCHAIN/bin:$REPO/node_modules/.bin:$PATH"
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_CONFIG_PASSPHRASE=${PULUMI_CONFIG_PASSPHRASE:-smoke}
export PULUMI_SKIP_UPDATE_CHECK=true
TMP=$(mktemp -d)
export PULUMI_HOME=$TMP/pulumi-home
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/state"
pulumi login "file://$TMP/state" >/dev/null

step() { printf '\n== %s\n' "$*"; }

new_program() {
  local dir=$1 main=$2
  mkdir -p "$dir"
  ln -s "$REPO/node_modules" "$dir/node_modules"
  printf 'name: %s\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n' \
    "$(basename "$dir")" >"$dir/Pulumi.yaml"
  printf '{"compilerOptions":{"strict":true,"target":"es2022","module":"commonjs","esModuleInterop":true,"skipLibCheck":true},"files":["index.ts"]}\n' \
    >"$dir/tsconfig.json"
  printf '{"name":"%s","private":true}\n' "$(basename "$dir")" >"$dir/package.json"
  printf '%s\n' "$main" >"$dir/index.ts"
}

step "versions"
for b in pulumi pulumi-language-nodejs pulumi-resource-random pulumi-resource-tls pulumi-resource-kubernetes; do
  command -v "$b" >/dev/null || { echo "$b is not on PATH: run build-engine.sh" >&2; exit 2; }
done
pulumi version
pulumi-language-nodejs -version

# --- random + tls: up, no-change preview, destroy --------------------------------------------------
P=$TMP/smoke
new_program "$P" '
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as tls from "@pulumi/tls";

const pw = new random.RandomPassword("pw", { length: 24, special: false });
const key = new tls.PrivateKey("key", { algorithm: "ECDSA", ecdsaCurve: "P256" });

export const passwordLength = pw.result.apply((r) => r.length);
export const password = pw.result;
export const publicKeyPem = key.publicKeyPem;
export const fingerprint = key.publicKeyFingerprintSha256;
export const privateKeyIsSecret = pulumi.isSecret(key.privateKeyPem);'
cd "$P"
pulumi stack init smoke >/dev/null

step "pulumi up"
pulumi up --yes --skip-preview
step "outputs"
pulumi stack output --json
[[ $(pulumi stack output --show-secrets passwordLength) == 24 ]]
[[ $(pulumi stack output password) == "[secret]" ]]
pulumi stack output publicKeyPem | grep -q 'BEGIN PUBLIC KEY'

step "pulumi plugin ls (and what the stack's resources were served by)"
pulumi plugin ls
pulumi about 2>/dev/null | sed -n '/^Plugins/,/^$/p' || true

step "second preview: no changes expected"
pulumi preview --expect-no-changes

step "a changed input replaces"
sed -i 's/length: 24/length: 25/' index.ts
pulumi preview --diff 2>&1 | tee "$TMP/replace.txt"
grep -q 'replace' "$TMP/replace.txt"

step "pulumi destroy"
pulumi destroy --yes --skip-preview
pulumi stack rm --yes >/dev/null

# --- kubernetes: the provider starts and answers ---------------------------------------------------
K=$TMP/k8s
new_program "$K" '
import * as k8s from "@pulumi/kubernetes";

const provider = new k8s.Provider("nowhere", { kubeconfig: "/nonexistent/kubeconfig" });
new k8s.core.v1.Namespace("smoke", { metadata: { name: "smoke" } }, { provider });'
cd "$K"
pulumi stack init smoke >/dev/null
step "kubernetes: preview (the provider loads; the engine notes its 4.25.0 against the SDK's 4.34.2)"
pulumi preview 2>&1 | tee "$TMP/k8s-preview.txt"
step "kubernetes: up with a kubeconfig that does not exist must fail with the provider's own error"
if pulumi up --yes --skip-preview >"$TMP/k8s.txt" 2>&1; then
  cat "$TMP/k8s.txt"
  echo "expected the up to fail" >&2
  exit 1
fi
cat "$TMP/k8s.txt"
grep -q 'configured Kubernetes cluster is unreachable' "$TMP/k8s.txt"
pulumi stack rm --yes --force >/dev/null

echo
echo "smoke-engine: OK"
