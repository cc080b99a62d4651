// Package migrations holds minutebook's schema as numbered up/down SQL pairs,
// embedded so that the binary can apply them itself. A migration that has
// landed is never edited: a change is a new pair.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
