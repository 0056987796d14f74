// Package standin is the plumbing shared by this project's STAND-IN providers (random, tls): a
// pulumirpc.ResourceProviderServer, served with the SDK's provider.Main, for a few resources whose
// every input forces a replacement (as in the real providers for the resources stood in for).
//
// It is our own code. See ../../random/main.go and ../../tls/main.go for what each stands in for
// and what that leaves unproven.
package standin

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Resource is one resource type of a stand-in provider.
type Resource interface {
	// Check validates the program's inputs and fills in the defaults the real provider fills in.
	Check(news resource.PropertyMap) (resource.PropertyMap, []*pulumirpc.CheckFailure)
	// Create returns the ID and the outputs (the checked inputs plus the generated values).
	Create(inputs resource.PropertyMap) (string, resource.PropertyMap, error)
	// Generated names the outputs Create generates: unknown during a preview.
	Generated() []string
}

// Provider serves the given resources, by type token.
type Provider struct {
	pulumirpc.UnimplementedResourceProviderServer
	Name      string
	Version   string
	StandsIn  string // e.g. "pulumi-random 4.21.2 (random:index/randomPassword:RandomPassword only)"
	Resources map[string]Resource
}

// Serve runs the provider as a plugin (the engine reads the port from stdout).
func Serve(p *Provider) {
	err := provider.Main(p.Name, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return p, nil
	})
	if err != nil {
		cmdutil.ExitError(err.Error())
	}
}

var opts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipNulls: true}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	if s == nil {
		return resource.PropertyMap{}, nil
	}
	return plugin.UnmarshalProperties(s, opts)
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, opts)
}

func (p *Provider) resource(typ, urn string) (Resource, error) {
	if typ == "" && urn != "" {
		typ = string(resource.URN(urn).Type())
	}
	r, ok := p.Resources[typ]
	if !ok {
		return nil, status.Errorf(codes.InvalidArgument,
			"the stand-in %s provider implements only %s; it has no resource %q", p.Name, p.StandsIn, typ)
	}
	return r, nil
}

func (p *Provider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: p.Version}, nil
}

func (p *Provider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	b, err := json.Marshal(map[string]any{
		"name":        p.Name,
		"version":     p.Version,
		"description": "STAND-IN provider of the reference platform for " + p.StandsIn + "; schema not provided",
	})
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetSchemaResponse{Schema: string(b)}, nil
}

func (p *Provider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *Provider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *Provider) Configure(context.Context, *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true}, nil
}

func (p *Provider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	r, err := p.resource(req.GetType(), req.GetUrn())
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	inputs, failures := r.Check(news)
	s, err := marshal(inputs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: s, Failures: failures}, nil
}

// Diff: every input forces a replacement, as in the real providers for these resources.
func (p *Provider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, err := unmarshal(req.GetOldInputs())
	if err != nil {
		return nil, err
	}
	if len(olds) == 0 { // an engine that does not send old inputs: the outputs hold the inputs too
		if olds, err = unmarshal(req.GetOlds()); err != nil {
			return nil, err
		}
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	ignored := map[string]bool{}
	for _, k := range req.GetIgnoreChanges() {
		ignored[k] = true
	}
	keys := map[resource.PropertyKey]bool{}
	for k := range news {
		keys[k] = true
	}
	for k := range olds {
		keys[k] = true
	}
	var replaces []string
	detailed := map[string]*pulumirpc.PropertyDiff{}
	for k := range keys {
		if ignored[string(k)] {
			continue
		}
		o, hasOld := olds[k]
		n, hasNew := news[k]
		var kind pulumirpc.PropertyDiff_Kind
		switch {
		case hasOld && !hasNew:
			kind = pulumirpc.PropertyDiff_DELETE_REPLACE
		case !hasOld && hasNew:
			kind = pulumirpc.PropertyDiff_ADD_REPLACE
		case n.ContainsUnknowns() || !o.DeepEquals(n):
			kind = pulumirpc.PropertyDiff_UPDATE_REPLACE
		default:
			continue
		}
		replaces = append(replaces, string(k))
		detailed[string(k)] = &pulumirpc.PropertyDiff{Kind: kind, InputDiff: true}
	}
	sort.Strings(replaces)
	if len(replaces) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, HasDetailedDiff: true}, nil
	}
	return &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_SOME,
		Replaces:        replaces,
		Diffs:           replaces,
		DetailedDiff:    detailed,
		HasDetailedDiff: true,
	}, nil
}

func (p *Provider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	r, err := p.resource(req.GetType(), req.GetUrn())
	if err != nil {
		return nil, err
	}
	inputs, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	if req.GetPreview() || inputs.ContainsUnknowns() {
		if !req.GetPreview() {
			return nil, fmt.Errorf("cannot create %s with unknown inputs", req.GetUrn())
		}
		outs := inputs.Copy()
		for _, k := range r.Generated() {
			outs[resource.PropertyKey(k)] = resource.MakeComputed(resource.NewStringProperty(""))
		}
		s, err := marshal(outs)
		if err != nil {
			return nil, err
		}
		return &pulumirpc.CreateResponse{Properties: s}, nil
	}
	id, outs, err := r.Create(inputs)
	if err != nil {
		return nil, err
	}
	s, err := marshal(outs)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: s}, nil
}

// Read (refresh, import): these resources exist only in the state, so the state is the truth.
func (p *Provider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	if req.GetProperties() == nil || len(req.GetProperties().GetFields()) == 0 {
		return nil, status.Errorf(codes.Unimplemented, "the stand-in %s provider cannot import %s", p.Name, req.GetUrn())
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

func (p *Provider) Update(context.Context, *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	return nil, status.Error(codes.Unimplemented, "every input of these resources forces a replacement; there is no update")
}

func (p *Provider) Delete(context.Context, *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (p *Provider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// Helpers for Check.

// Failure is a CheckFailure on a property.
func Failure(prop, format string, args ...any) *pulumirpc.CheckFailure {
	return &pulumirpc.CheckFailure{Property: prop, Reason: fmt.Sprintf(format, args...)}
}

// Default sets m[k] to v when the program left it out.
func Default(m resource.PropertyMap, k string, v resource.PropertyValue) {
	if cur, ok := m[resource.PropertyKey(k)]; !ok || cur.IsNull() {
		m[resource.PropertyKey(k)] = v
	}
}

// Plain returns the value under any secret wrapper.
func Plain(v resource.PropertyValue) resource.PropertyValue {
	for v.IsSecret() {
		v = v.SecretValue().Element
	}
	return v
}

// Number returns m[k] as an int (ok false if absent, unknown or not a number).
func Number(m resource.PropertyMap, k string) (int, bool) {
	v := Plain(m[resource.PropertyKey(k)])
	if !v.IsNumber() {
		return 0, false
	}
	return int(v.NumberValue()), true
}

// Bool returns m[k] as a bool (ok false if absent, unknown or not a bool).
func Bool(m resource.PropertyMap, k string) (bool, bool) {
	v := Plain(m[resource.PropertyKey(k)])
	if !v.IsBool() {
		return false, false
	}
	return v.BoolValue(), true
}

// String returns m[k] as a string (ok false if absent, unknown or not a string).
func String(m resource.PropertyMap, k string) (string, bool) {
	v := Plain(m[resource.PropertyKey(k)])
	if !v.IsString() {
		return "", false
	}
	return v.StringValue(), true
}

// Secret wraps a string as a secret output.
func Secret(s string) resource.PropertyValue {
	return resource.MakeSecret(resource.NewStringProperty(s))
}
