#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler from the k8s.io/kubernetes module.
# k8s.io/kubernetes replaces its staging modules (k8s.io/api, ...) with local paths, so `go install`
# refuses it; a wrapper module requires it and points each staging module at its published
# v0.<minor>.<patch>, read from the module's own go.mod so the list never drifts.
# Usage: build-kubernetes.sh <version> <out-bin-dir> <work-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"   # GO_BUILD_FLAGS
version="$1" out="$2" work="$3"
staging_version="v0.${version#v1.}"
mkdir -p "$work" "$out"
cd "$work"
gomod="$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
goversion="$(sed -n 's/^go \(.*\)$/\1/p' "$gomod")"
{
    echo "module local/kubernetes-build"
    echo
    echo "go $goversion"
    echo
    echo "require k8s.io/kubernetes $version"
    echo
    echo "replace ("
    sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*$#\t\1 => \1 '"$staging_version"'#p' "$gomod"
    echo ")"
} > go.mod
cat > tools.go <<GO
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
)
GO
GOFLAGS=-mod=mod go mod tidy -e >/dev/null 2>&1 || true
GOFLAGS=-mod=mod go get "k8s.io/kubernetes@$version" 
minor="${version#v1.}"; minor="${minor%%.*}"
pkg=k8s.io/component-base/version
ldflags="-s -w -X $pkg.gitVersion=$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
for cmd in kube-apiserver kube-controller-manager kube-scheduler; do
    # shellcheck disable=SC2086 # GO_BUILD_FLAGS is a list of flags
    GOFLAGS=-mod=mod CGO_ENABLED=0 go build $GO_BUILD_FLAGS -ldflags "$ldflags" -o "$out/$cmd" "k8s.io/kubernetes/cmd/$cmd"
done
