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

# Start a wrapper module in DIR that repeats the non-local replacements of each given go.mod.
new_wrapper() {
  local dir=$1 name=$2 godir=$3
  shift 3
  rm -rf "$dir"
  mkdir -p "$dir"
  printf 'module reference-platform.local/toolchain/%s\n\ngo %s\n' "$name" "$godir" >"$dir/go.mod"
  local gomod rep
  for gomod in "$@"; do
    while IFS= read -r rep; do
      [[ -n $rep ]] || continue
      log "$name: replace ${rep/=/ => }"
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

# Build PACKAGE from the wrapper module in DIR into $BIN/NAME (atomically).
go_build_into_bin() {
  local dir=$1 name=$2 pkg=$3 ldflags=$4 tags=${5:-}
  (cd "$dir" && go build -trimpath ${tags:+-tags "$tags"} -ldflags "$ldflags" -o "$BIN/.$name.new" "$pkg")
  mv -f "$BIN/.$name.new" "$BIN/$name"
}

# The stamp of our own sources: their content hash.
source_hash() {
  (cd "$HERE" && find "$@" -type f -name '*.go' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}

PKG=github.com/pulumi/pulumi/pkg/v3
SDK=github.com/pulumi/pulumi/sdk/v3
VERSION_VAR=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version

# --- pulumi (CLI) ---------------------------------------------------------------------------------
build_pulumi() {
  local v=v$PULUMI_VERSION dir=$WORK/pulumi gomod
  gomod=$(go_mod_file "$PKG" "$v")
  # pkg/v3 replaces sdk/v3 with ../sdk: pin sdk/v3 at the same version instead.
  new_wrapper "$dir" pulumi "$(go_directive "$gomod")" "$gomod"
  (cd "$dir" && go get "$PKG/cmd/pulumi@$v" "$SDK@$v")
  go_build_into_bin "$dir" pulumi "$PKG/cmd/pulumi" "-s -w -X $VERSION_VAR=$v" osusergo,grpcnotrace
}

# --- pulumi-language-nodejs (STAND-IN, our own source) ---------------------------------------------
build_language_nodejs() {
  local v=v$PULUMI_VERSION dir=$WORK/language-nodejs gomod
  gomod=$(go_mod_file "$SDK" "$v")
  new_wrapper "$dir" language-nodejs "$(go_directive "$gomod")" "$gomod"
  cp "$HERE/standin-language-nodejs/main.go" "$dir/"
  (cd "$dir" && go get "$SDK@$v" && go mod tidy)
  go_build_into_bin "$dir" pulumi-language-nodejs . "-s -w -X main.Version=$LANGUAGE_NODEJS_STANDIN_VERSION"
}

# --- pulumi-resource-random, pulumi-resource-tls (STAND-INS, our own source) -----------------------
standin_wrapper() {
  local v=v$PULUMI_VERSION dir=$WORK/standin-providers gomod
  gomod=$(go_mod_file "$SDK" "$v")
  new_wrapper "$dir" standin-providers "$(go_directive "$gomod")" "$gomod"
  cp -r "$HERE/standin-providers/." "$dir/"
  (cd "$dir" && go get "$SDK@$v" && go mod tidy)
}
build_random() {
  standin_wrapper
  go_build_into_bin "$WORK/standin-providers" pulumi-resource-random ./random \
    "-s -w -X main.Version=$RANDOM_STANDIN_VERSION"
}
build_tls() {
  standin_wrapper
  go_build_into_bin "$WORK/standin-providers" pulumi-resource-tls ./tls \
    "-s -w -X main.Version=$TLS_STANDIN_VERSION"
}

# --- pulumi-resource-kubernetes (upstream provider, our own main) ----------------------------------
K8S=github.com/pulumi/pulumi-kubernetes/provider/v4
build_kubernetes() {
  local v=$KUBERNETES_PROVIDER_MODULE_VERSION dir=$WORK/kubernetes-provider gomod moddir pkgmod pkgver
  gomod=$(go_mod_file "$K8S" "$v")
  moddir=$(go mod download -json "$K8S@$v" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  # The provider's own go.mod, and that of the pkg/v3 it requires (its clipboard fork).
  pkgver=$(awk '$1 == "'"$PKG"'" { print $2 }' "$gomod" | head -n1)
  pkgmod=$(go_mod_file "$PKG" "$pkgver")
  new_wrapper "$dir" kubernetes-provider "$(go_directive "$gomod")" "$gomod" "$pkgmod"
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
      build_tool pulumi "pulumi v$PULUMI_VERSION ($PKG) $GO_VERSION" build_pulumi ;;
    pulumi-language-nodejs)
      build_tool pulumi-language-nodejs \
        "standin $LANGUAGE_NODEJS_STANDIN_VERSION sdk v$PULUMI_VERSION src $(source_hash standin-language-nodejs) $GO_VERSION" \
        build_language_nodejs ;;
    pulumi-resource-random)
      build_tool pulumi-resource-random \
        "standin $RANDOM_STANDIN_VERSION sdk v$PULUMI_VERSION src $(source_hash standin-providers/internal standin-providers/random) $GO_VERSION" \
        build_random ;;
    pulumi-resource-tls)
      build_tool pulumi-resource-tls \
        "standin $TLS_STANDIN_VERSION sdk v$PULUMI_VERSION src $(source_hash standin-providers/internal standin-providers/tls) $GO_VERSION" \
        build_tls ;;
    pulumi-resource-kubernetes)
      build_tool pulumi-resource-kubernetes \
        "kubernetes $KUBERNETES_PROVIDER_VERSION ($K8S@$KUBERNETES_PROVIDER_MODULE_VERSION) src $(source_hash kubernetes-provider) $GO_VERSION" \
        build_kubernetes ;;
    *) log "unknown tool $t (known: ${ALL[*]})"; exit 2 ;;
  esac
done

log "toolchain: $TOOLCHAIN (put $BIN first on PATH)"
printf '%s\n' "${SUMMARY[@]}"
}

main "$@"
