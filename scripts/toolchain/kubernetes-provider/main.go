// Command pulumi-resource-kubernetes: the real Pulumi Kubernetes provider, served from the Go module
// github.com/pulumi/pulumi-kubernetes/provider/v4 (pinned in ../engine-versions.env).
//
// Why a main of our own: the module's cmd/pulumi-resource-kubernetes/main.go embeds
// schema-embed.json and terraform-mapping-embed.json, which upstream's build generates from the
// module's schema.json and terraform-mapping.json (stamping the release version into the schema)
// and which are therefore not in the module. build-engine.sh copies those two source files from the
// module into the generated wrapper module next to this file; this main stamps the version into the
// schema at start-up and calls the same provider.Serve as upstream's main. Everything else, the
// provider itself, is upstream's code unchanged.
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema.json
var schemaJSON []byte

//go:embed terraform-mapping.json
var terraformMapping []byte

// withVersion returns the schema with its "version" set, as upstream's generate.go does.
func withVersion(schema []byte, v string) ([]byte, error) {
	var spec map[string]json.RawMessage
	if err := json.Unmarshal(schema, &spec); err != nil {
		return nil, fmt.Errorf("cannot deserialize schema: %w", err)
	}
	ver, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	spec["version"] = ver
	return json.Marshal(spec)
}

func main() {
	schema, err := withVersion(schemaJSON, version.Version)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	provider.Serve("kubernetes", version.Version, schema, terraformMapping)
}
