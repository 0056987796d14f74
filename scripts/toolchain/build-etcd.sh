#!/usr/bin/env bash
# Builds etcd from go.etcd.io/etcd/server/v3. Its go.mod replaces the sibling modules (api, client,
# pkg) with local paths, so a wrapper module pins each at the same release and its own main calls
# etcdmain.Main, which is all the upstream etcd binary's main does.
# Usage: build-etcd.sh <version> <out-bin-dir> <work-dir>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"   # GO_BUILD_FLAGS
version="$1" out="$2" work="$3"
mkdir -p "$work" "$out"
cd "$work"
cat > go.mod <<MOD
module local/etcd-build

go 1.26

require (
	go.etcd.io/etcd/server/v3 $version
	go.etcd.io/etcd/api/v3 $version
	go.etcd.io/etcd/client/pkg/v3 $version
	go.etcd.io/etcd/client/v3 $version
	go.etcd.io/etcd/pkg/v3 $version
)
MOD
cat > main.go <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
GOFLAGS=-mod=mod go mod tidy
# shellcheck disable=SC2086 # GO_BUILD_FLAGS is a list of flags
CGO_ENABLED=0 go build $GO_BUILD_FLAGS -ldflags "-s -w" -o "$out/etcd" .
