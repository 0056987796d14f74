#!/usr/bin/env bash
# Builds the real Pulumi engine from Go modules, once per machine, into a cache outside the clone:
#   pulumi                       the CLI                  (github.com/pulumi/pulumi/pkg/v3)
#   pulumi-language-nodejs       the Node language host   (…/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
#   pulumi-resource-kubernetes   the Kubernetes provider  (github.com/pulumi/pulumi-kubernetes/provider/v4)
#   pulumi-resource-random       STAND-IN (our own code, see standin-providers/random/main.go)
#   pulumi-resource-tls          STAND-IN (our own code, see standin-providers/tls/main.go)
#
# Idempotent: a tool is skipped when its binary and its stamp (what it was built from) exist.
# Prints the time each tool took, cold (built) or warm (skipped).
# Versions: engine-versions.env. Cache: $PLATFORM_TOOLCHAIN_DIR (default
# ~/.cache/reference-platform/toolchain); binaries in its bin/, put that first on PATH.
# Needs Go and the Go module proxy only (no GitHub, no get.pulumi.com).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=engine-versions.env
source "$HERE/engine-versions.env"
# shellcheck source=versions.env
source "$HERE/versions.env"   # GO_BUILD_FLAGS

TOOLCHAIN=${PLATFORM_TOOLCHAIN_DIR:-$HOME/.cache/reference-platform/toolchain}
BIN=$TOOLCHAIN/bin
STAMPS=$TOOLCHAIN/stamps
WORK=$TOOLCHAIN/src/engine
mkdir -p "$BIN" "$STAMPS" "$WORK"

GO_VERSION=$(go env GOVERSION)
# Wrapper modules are generated here, never inside the clone; keep Go from consulting any
# go.work of the caller.
export GOWORK=off
export GOFLAGS="${GOFLAGS:-} -mod=mod"

log() { printf '[build-engine] %s\n' "$*" >&2; }

# The go.mod file of MODULE@VERSION, from the module cache (downloading it if needed).
go_mod_file() {
  go mod download -json "$1@$2" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p'
}

# The module's `go` directive.
go_directive() {
  sed -n 's/^go[[:space:]]\{1,\}\([0-9.]*\)[[:space:]]*$/\1/p' "$1" | head -n1
}

# The non-local replace directives of a go.mod (those whose target has a version), one per line as
# `old[@v]=new@v`, ready for `go mod edit -replace`. Local ones (=> ../sdk) are the monorepo's own
# modules and are pinned by a require at the same version instead.
non_local_replaces() {
  sed 's://.*$::' "$1" | awk '
    /^replace[ \t]*\(/ { inblk = 1; next }
    inblk && /^[ \t]*\)/ { inblk = 0; next }
    /^replace[ \t]/ { sub(/^replace[ \t]+/, ""); print; next }
    inblk { print }
  ' | awk -F'=>' 'NF == 2 {
      nl = split($1, l, " "); nr = split($2, r, " ")
      if (nr != 2) next
      old = l[1]; if (nl == 2) old = old "@" l[2]
      print old "=" r[1] "@" r[2]
    }'
}

# Start a wrapper module in DIR (named reference-platform.local/toolchain, the import path our own
# sources use) that repeats the non-local replacements of each given go.mod.
new_wrapper() {
  local dir=$1 godir=$2
  shift 2
  rm -rf "$dir"
  mkdir -p "$dir"
  printf 'module reference-platform.local/toolchain\n\ngo %s\n' "$godir" >"$dir/go.mod"
  local gomod rep
  for gomod in "$@"; do
    while IFS= read -r rep; do
      [[ -n $rep ]] || continue
      log "replace ${rep/=/ => }"
      (cd "$dir" && go mod edit -replace "$rep")
    done < <(non_local_replaces "$gomod")
  done
}

# build_tool NAME STAMP FUNCTION: run FUNCTION (which writes $BIN/NAME) unless the binary and the
# same stamp already exist. Prints the time either way.
declare -a SUMMARY=()
build_tool() {
  local name=$1 stamp=$2 fn=$3 start end
  start=$(date +%s.%N)
  if [[ -x $BIN/$name && -f $STAMPS/$name && "$(cat "$STAMPS/$name")" == "$stamp" ]]; then
    end=$(date +%s.%N)
    SUMMARY+=("$(printf '%-28s warm  %7.1fs  %s' "$name" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$stamp")")
    return
  fi
  log "$name: building ($stamp)"
  rm -f "$STAMPS/$name"
  "$fn"
  printf '%s\n' "$stamp" >"$STAMPS/$name"
  end=$(date +%s.%N)
  SUMMARY+=("$(printf '%-28s cold  %7.1fs  %s' "$name" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$stamp")")
}

# The CLI and our stand-ins are built from ONE generated wrapper module ($WORK/pulumi), with one set
# of build flags: the stand-ins then reuse the SDK, gRPC and protobuf packages the CLI compiled, and
# cost little more than a link. The Kubernetes provider needs an older pkg/v3 (its code generator
# does not compile against 3.274.0's), so it has a wrapper module of its own ($WORK/kubernetes-provider).
PKG=github.com/pulumi/pulumi/pkg/v3
SDK=github.com/pulumi/pulumi/sdk/v3
K8S=github.com/pulumi/pulumi-kubernetes/provider/v4
VERSION_VAR=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version
# GO_BUILD_FLAGS (versions.env) plus the release builds' tags, for every tool. No cgo, as releases.
read -r -a ENGINE_BUILD_FLAGS <<<"$GO_BUILD_FLAGS -tags osusergo,grpcnotrace"
export CGO_ENABLED=0
# What the CLI's module graph is built from: part of the stamps of every tool built in it.
PULUMI_GRAPH="pkg/v3 v$PULUMI_VERSION, ${ENGINE_BUILD_FLAGS[*]}, $GO_VERSION"

# Generate the CLI's wrapper module once per run.
pulumi_module_ready=false
ensure_pulumi_module() {
  $pulumi_module_ready && return
  local v=v$PULUMI_VERSION dir=$WORK/pulumi gomod
  gomod=$(go_mod_file "$PKG" "$v")
  # pkg/v3 replaces sdk/v3 with ../sdk: sdk/v3 is pinned at the same version by a require instead.
  new_wrapper "$dir" "$(go_directive "$gomod")" "$gomod"
  # Our own sources, at the import paths they use (reference-platform.local/toolchain/...).
  cp -r "$HERE/standin-providers" "$dir/standin-providers"
  cp -r "$HERE/standin-language-nodejs" "$dir/language-nodejs"
  # The CLI is upstream's main package: a tools file keeps its module required through `tidy`.
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s/cmd/pulumi"\n' "$PKG" >"$dir/tools.go"
  (cd "$dir" && go get "$PKG@$v" "$SDK@$v" && go mod tidy)
  pulumi_module_ready=true
}

# Build PACKAGE of the wrapper module in DIR into $BIN/NAME (atomically).
go_build_into_bin() {
  local dir=$1 name=$2 pkg=$3 ldflags=$4
  (cd "$dir" && go build "${ENGINE_BUILD_FLAGS[@]}" -ldflags "$ldflags" -o "$BIN/.$name.new" "$pkg")
  mv -f "$BIN/.$name.new" "$BIN/$name"
}

# The stamp of our own sources: their content hash.
source_hash() {
  (cd "$HERE" && find "$@" -type f -name '*.go' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}

# --- pulumi (CLI) ---------------------------------------------------------------------------------
build_pulumi() {
  ensure_pulumi_module
  go_build_into_bin "$WORK/pulumi" pulumi "$PKG/cmd/pulumi" "-s -w -X $VERSION_VAR=v$PULUMI_VERSION"
}

# --- pulumi-language-nodejs (STAND-IN, our own source) ---------------------------------------------
build_language_nodejs() {
  ensure_pulumi_module
  go_build_into_bin "$WORK/pulumi" pulumi-language-nodejs ./language-nodejs \
    "-s -w -X main.Version=$LANGUAGE_NODEJS_STANDIN_VERSION"
}

# --- pulumi-resource-random, pulumi-resource-tls (STAND-INS, our own source) -----------------------
build_random() {
  ensure_pulumi_module
  go_build_into_bin "$WORK/pulumi" pulumi-resource-random ./standin-providers/random \
    "-s -w -X main.Version=$RANDOM_STANDIN_VERSION"
}
build_tls() {
  ensure_pulumi_module
  go_build_into_bin "$WORK/pulumi" pulumi-resource-tls ./standin-providers/tls \
    "-s -w -X main.Version=$TLS_STANDIN_VERSION"
}

# --- pulumi-resource-kubernetes (upstream provider, our own main) ----------------------------------
build_kubernetes() {
  local v=$KUBERNETES_PROVIDER_MODULE_VERSION dir=$WORK/kubernetes-provider gomod moddir pkgmod pkgver
  gomod=$(go_mod_file "$K8S" "$v")
  moddir=$(go mod download -json "$K8S@$v" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  # The provider's own go.mod, and that of the pkg/v3 it requires (its clipboard fork).
  pkgver=$(awk '$1 == "'"$PKG"'" { print $2 }' "$gomod" | head -n1)
  pkgmod=$(go_mod_file "$PKG" "$pkgver")
  new_wrapper "$dir" "$(go_directive "$gomod")" "$gomod" "$pkgmod"
  cp "$HERE/kubernetes-provider/main.go" "$dir/"
  # The schema and Terraform mapping upstream's main embeds (as generated files) come from the module.
  install -m 0644 "$moddir/cmd/pulumi-resource-kubernetes/schema.json" "$dir/schema.json"
  install -m 0644 "$moddir/cmd/pulumi-resource-kubernetes/terraform-mapping.json" "$dir/terraform-mapping.json"
  (cd "$dir" && go get "$K8S@$v" && go mod tidy)
  go_build_into_bin "$dir" pulumi-resource-kubernetes . \
    "-s -w -X $K8S/pkg/version.Version=$KUBERNETES_PROVIDER_VERSION"
}

# --- main -----------------------------------------------------------------------------------------
# All in one function, so bash has read the whole script before it runs (editing it mid-run is safe).
main() {
ALL=(pulumi pulumi-language-nodejs pulumi-resource-random pulumi-resource-tls pulumi-resource-kubernetes)
TOOLS=("$@")
[[ ${#TOOLS[@]} -gt 0 ]] || TOOLS=("${ALL[@]}")
for t in "${TOOLS[@]}"; do
  case $t in
    pulumi)
      build_tool pulumi "pulumi v$PULUMI_VERSION; $PULUMI_GRAPH" build_pulumi ;;
    pulumi-language-nodejs)
      build_tool pulumi-language-nodejs \
        "standin $LANGUAGE_NODEJS_STANDIN_VERSION src $(source_hash standin-language-nodejs); $PULUMI_GRAPH" \
        build_language_nodejs ;;
    pulumi-resource-random)
      build_tool pulumi-resource-random \
        "standin $RANDOM_STANDIN_VERSION src $(source_hash standin-providers/internal standin-providers/random); $PULUMI_GRAPH" \
        build_random ;;
    pulumi-resource-tls)
      build_tool pulumi-resource-tls \
        "standin $TLS_STANDIN_VERSION src $(source_hash standin-providers/internal standin-providers/tls); $PULUMI_GRAPH" \
        build_tls ;;
    pulumi-resource-kubernetes)
      build_tool pulumi-resource-kubernetes \
        "kubernetes $KUBERNETES_PROVIDER_VERSION ($K8S@$KUBERNETES_PROVIDER_MODULE_VERSION) src $(source_hash kubernetes-provider); ${ENGINE_BUILD_FLAGS[*]}, $GO_VERSION" \
        build_kubernetes ;;
    *) log "unknown tool $t (known: ${ALL[*]})"; exit 2 ;;
  esac
done

log "toolchain: $TOOLCHAIN (put $BIN first on PATH)"
printf '%s\n' "${SUMMARY[@]}"
}

main "$@"
