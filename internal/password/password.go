// Package password hashes and checks passwords with argon2id, and makes new
// random ones: generated passwords and the secrets of tokens and links.
package password

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/alexedwards/argon2id"
)

// Params are the argon2id costs. Production uses Default; tests use Cheap.
type Params = argon2id.Params

// Default follows the RFC 9106 second recommended option (64 MiB, 3 passes).
var Default = &Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32}

// Cheap is for tests only: fast, and no protection at all.
var Cheap = &Params{Memory: 64, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// Hash returns the encoded argon2id hash of pw.
func Hash(pw string, p *Params) (string, error) {
	if p == nil {
		p = Default
	}
	h, err := argon2id.CreateHash(pw, p)
	release()
	if err != nil {
		return "", fmt.Errorf("password: hash: %w", err)
	}
	return h, nil
}

// Check reports whether pw matches the encoded hash. A malformed hash is an
// error, not a mismatch, so that a broken row is noticed.
func Check(pw, hash string) (bool, error) {
	ok, err := argon2id.ComparePasswordAndHash(pw, hash)
	release()
	if err != nil {
		return false, fmt.Errorf("password: check: %w", err)
	}
	return ok, nil
}

// release hands argon2id's working memory (64 MiB at the default costs)
// back to the operating system at once. Left to the garbage collector, the
// blocks of successive sign-ins pile up in the server's resident memory
// before they are collected and returned, which nearly doubled its peak;
// a forced collection costs a few milliseconds beside the ~100 ms of
// hashing.
func release() { debug.FreeOSMemory() }

// dummyHash is checked against when no account matches, so that a sign-in
// for an unknown address costs as long as one for a known address. It is
// made on first use, so that commands that never sign anyone in do not
// spend the memory.
var dummyHash = sync.OnceValue(func() string {
	h, _ := Hash("minutebook-dummy-password", Default)
	return h
})

// CheckNothing spends the time of one Check, for unknown accounts.
func CheckNothing(pw string) { _, _ = Check(pw, dummyHash()) }

// Generate returns a random password of 20 characters from an alphabet
// without look-alike characters, for printed first-start passwords.
func Generate() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// Token returns a random secret of size bytes, URL-safe base64 after
// prefix: API tokens ("mbk_"), calendar feeds ("cal_") and uploads' links
// are all made here.
func Token(prefix string, size int) string {
	b := make([]byte, size)
	_, _ = rand.Read(b) // crypto/rand.Read never returns an error
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}
