#!/usr/bin/env bash
# fetch-eso-crds.sh MODULE VERSION DEST: the CustomResourceDefinitions of the External Secrets
# Operator's Go module at VERSION (its config/crds/bases, what its chart's templates/crds are made
# from), copied into DEST. The module comes from the Go module proxy like any dependency.
set -euo pipefail
module="$1" version="$2" dest="$3"
dir=$(GOFLAGS=-mod=mod go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[[ -d "$dir/config/crds/bases" ]] || { echo "fetch-eso-crds: $module@$version has no config/crds/bases" >&2; exit 1; }
rm -rf "$dest" && mkdir -p "$dest"
cp "$dir"/config/crds/bases/*.yaml "$dest/"
echo "fetch-eso-crds: $(ls "$dest" | wc -l) CRD files of $module@$version"
