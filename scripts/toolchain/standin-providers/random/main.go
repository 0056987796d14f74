// Command pulumi-resource-random — STAND-IN, our own code, not Pulumi's.
//
// What it stands in for: the `random` provider (pulumi-random, whose Node SDK @pulumi/random 4.21.2
// the program uses; the plugin reports that version so the engine picks this binary for it). The
// real provider is the module github.com/pulumi/pulumi-random/provider/v4, which the Go module
// proxy this project reaches refuses at every version (list, @latest and named versions answer
// 403 "not available"), so it cannot be built here.
//
// What it implements: exactly the one resource the platform uses,
// random:index/randomPassword:RandomPassword, with the real one's inputs (length, special, upper,
// lower, numeric, number, minUpper, minLower, minNumeric, minSpecial, overrideSpecial, keepers),
// its defaults (special, upper, lower and numeric true; number follows numeric), its validation
// (length >= 1 and >= the sum of the minimums), its outputs (the inputs, plus result and
// bcryptHash as secrets, ID "none") and its lifecycle (any input change, keepers included,
// replaces it; nothing to delete). The password comes from crypto/rand: at least min* characters
// of each class, the rest drawn from all enabled classes, then shuffled.
//
// What that leaves unproven: everything else of the real provider (RandomString, RandomId,
// RandomInteger, RandomPet, RandomUuid, RandomShuffle, RandomBytes, the ephemeral variants,
// import, its schema, its exact generation algorithm and its Terraform-bridge diff behaviour,
// e.g. how it shows a keepers change). A preview or up through this binary shows that the engine,
// the Node SDK and the program agree on RandomPassword's shape and secrecy; not how the real
// provider behaves beyond that.
package main

import (
	"crypto/rand"
	"fmt"
	"math/big"

	"golang.org/x/crypto/bcrypt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"reference-platform.local/toolchain/standin-providers/internal/standin"
)

// Version is set at build time to the @pulumi/random version the program uses.
var Version = "0.0.0"

const (
	lowerChars   = "abcdefghijklmnopqrstuvwxyz"
	upperChars   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	numericChars = "0123456789"
	// The real provider's default special characters.
	defaultSpecialChars = "!@#$%&*()-_=+[]{}<>:?"
)

type randomPassword struct{}

func (randomPassword) Generated() []string { return []string{"result", "bcryptHash"} }

func (randomPassword) Check(news resource.PropertyMap) (resource.PropertyMap, []*pulumirpc.CheckFailure) {
	m := news.Copy()
	var failures []*pulumirpc.CheckFailure
	if v, ok := m["length"]; !ok || v.IsNull() {
		return m, []*pulumirpc.CheckFailure{standin.Failure("length", "length is required")}
	}
	for _, k := range []string{"special", "upper", "lower"} {
		standin.Default(m, k, resource.NewBoolProperty(true))
	}
	// `number` is the deprecated name of `numeric`; the real provider keeps them equal.
	numeric, hasNumeric := standin.Bool(m, "numeric")
	number, hasNumber := standin.Bool(m, "number")
	switch {
	case hasNumeric && hasNumber && numeric != number:
		failures = append(failures, standin.Failure("numeric", "numeric and number (deprecated) must agree"))
	case hasNumeric:
		m["number"] = resource.NewBoolProperty(numeric)
	case hasNumber:
		m["numeric"] = resource.NewBoolProperty(number)
	default:
		m["numeric"] = resource.NewBoolProperty(true)
		m["number"] = resource.NewBoolProperty(true)
	}
	for _, k := range []string{"minUpper", "minLower", "minNumeric", "minSpecial"} {
		standin.Default(m, k, resource.NewNumberProperty(0))
	}
	if m.ContainsUnknowns() {
		return m, failures
	}
	length, ok := standin.Number(m, "length")
	if !ok || length < 1 {
		failures = append(failures, standin.Failure("length", "length must be a number >= 1"))
		return m, failures
	}
	sum := 0
	for _, k := range []string{"minUpper", "minLower", "minNumeric", "minSpecial"} {
		n, ok := standin.Number(m, k)
		if !ok || n < 0 {
			failures = append(failures, standin.Failure(k, "%s must be a number >= 0", k))
		}
		sum += n
	}
	if length < sum {
		failures = append(failures, standin.Failure("length",
			"length (%d) must be >= minUpper + minLower + minNumeric + minSpecial (%d)", length, sum))
	}
	return m, failures
}

func randomIndex(n int) (int, error) {
	i, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		return 0, err
	}
	return int(i.Int64()), nil
}

func pick(set string, n int, out []byte) ([]byte, error) {
	for range n {
		i, err := randomIndex(len(set))
		if err != nil {
			return nil, err
		}
		out = append(out, set[i])
	}
	return out, nil
}

func (randomPassword) Create(in resource.PropertyMap) (string, resource.PropertyMap, error) {
	length, _ := standin.Number(in, "length")
	special := defaultSpecialChars
	if s, ok := standin.String(in, "overrideSpecial"); ok {
		special = s
	}
	classes := []struct {
		enabled string
		min     string
		chars   string
	}{
		{"upper", "minUpper", upperChars},
		{"lower", "minLower", lowerChars},
		{"numeric", "minNumeric", numericChars},
		{"special", "minSpecial", special},
	}
	var all string
	var out []byte
	var err error
	for _, c := range classes {
		if on, _ := standin.Bool(in, c.enabled); !on || c.chars == "" {
			continue
		}
		all += c.chars
		n, _ := standin.Number(in, c.min)
		if out, err = pick(c.chars, n, out); err != nil {
			return "", nil, err
		}
	}
	if all == "" {
		return "", nil, fmt.Errorf("no character class is enabled")
	}
	if len(out) < length {
		if out, err = pick(all, length-len(out), out); err != nil {
			return "", nil, err
		}
	}
	for i := len(out) - 1; i > 0; i-- { // Fisher–Yates with crypto/rand
		j, err := randomIndex(i + 1)
		if err != nil {
			return "", nil, err
		}
		out[i], out[j] = out[j], out[i]
	}
	result := string(out)
	hashed := []byte(result)
	if len(hashed) > 72 { // bcrypt's limit; the real provider hashes the first 72 bytes too
		hashed = hashed[:72]
	}
	hash, err := bcrypt.GenerateFromPassword(hashed, bcrypt.DefaultCost)
	if err != nil {
		return "", nil, err
	}
	outs := in.Copy()
	outs["result"] = standin.Secret(result)
	outs["bcryptHash"] = standin.Secret(string(hash))
	return "none", outs, nil
}

func main() {
	standin.Serve(&standin.Provider{
		Name:     "random",
		Version:  Version,
		StandsIn: "pulumi-random (random:index/randomPassword:RandomPassword only)",
		Resources: map[string]standin.Resource{
			"random:index/randomPassword:RandomPassword": randomPassword{},
		},
	})
}
