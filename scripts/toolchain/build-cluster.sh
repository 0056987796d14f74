#!/usr/bin/env bash
# Builds the local control plane once per machine, into a cache outside the clone:
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok (+ its stages).
# Each tool is rebuilt only when its pinned version (versions.env) differs from the stamp beside it.
# Prints where the tools are and how long each build took.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
toolchain="${PLATFORM_TOOLCHAIN_DIR:-$HOME/.cache/reference-platform/toolchain}"
bin="$toolchain/bin" work="$toolchain/work" stamps="$toolchain/stamps"
mkdir -p "$bin" "$work" "$stamps"

build() { # name version command...
    local name="$1" version="$2"; shift 2
    if [[ "$(cat "$stamps/$name" 2>/dev/null)" == "$version" ]]; then
        echo "toolchain: $name $version cached"
        return
    fi
    local start=$SECONDS
    echo "toolchain: building $name $version (cold builds take minutes)"
    "$@"
    echo "$version" > "$stamps/$name"
    echo "toolchain: built $name $version in $((SECONDS - start)) s"
}

build kubernetes "$KUBERNETES_VERSION $GO_BUILD_FLAGS" \
    "$here/build-kubernetes.sh" "$KUBERNETES_VERSION" "$bin" "$work/kubernetes"
build etcd "$ETCD_VERSION $GO_BUILD_FLAGS" "$here/build-etcd.sh" "$ETCD_VERSION" "$bin" "$work/etcd"
build kwok "$KWOK_VERSION $GO_BUILD_FLAGS" "$here/build-kwok.sh" "$KWOK_VERSION" "$bin" "$toolchain/kwok-stages"
# Data for a stand-in (scripts/cluster/standIns/chartCrds.ts): ESO's CRDs, from its Go module.
build eso-crds "$ESO_CRDS_VERSION" "$here/fetch-eso-crds.sh" "$ESO_CRDS_MODULE" "$ESO_CRDS_VERSION" "$toolchain/crds/external-secrets"
echo "toolchain: $bin"
