#!/usr/bin/env bash
# Builds kwok (fake nodes and pods) from sigs.k8s.io/kwok, which has no replace directives, and
# copies the module's own "fast" stage definitions (node initialize, heartbeat with a Lease; pod ready/complete/delete) beside
# it: kwok needs them to move nodes and pods through their lifecycle.
# Usage: build-kwok.sh <version> <out-bin-dir> <stages-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"   # GO_BUILD_FLAGS
version="$1" out="$2" stages="$3"
mkdir -p "$out" "$stages"
# shellcheck disable=SC2086 # GO_BUILD_FLAGS is a list of flags
GOBIN="$out" CGO_ENABLED=0 go install $GO_BUILD_FLAGS -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$version"
moddir="$(go mod download -json "sigs.k8s.io/kwok@$version" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')"
rm -rf "$stages"/*
for dir in node/fast node/heartbeat-with-lease pod/fast; do
    for file in "$moddir/kustomize/stage/$dir"/*.yaml; do
        [[ "$(basename "$file")" == kustomization.yaml ]] || cp "$file" "$stages/"
    done
done
chmod u+w "$stages"/*
