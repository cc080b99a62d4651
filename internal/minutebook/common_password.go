package minutebook

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// commonPasswordList is SecLists' 10,000 most common passwords, one a line
// (common_passwords/README.md says where it came from and its licence).
//
//go:embed common_passwords/10k-most-common.txt
var commonPasswordList string

// commonPasswords is the list as a set, made on first use.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 10000)
	for _, pw := range strings.Split(commonPasswordList, "\n") {
		if pw != "" {
			set[strings.ToLower(pw)] = struct{}{}
		}
	}
	return set
})

// CommonPassword reports whether pw is one of the 10,000 most common
// passwords, in any mix of capitals, or one of them with only digits,
// spaces or symbols added at the end ("Password2024!", "dragon 123456"):
// what a guesser tries first.
func CommonPassword(pw string) bool {
	set := commonPasswords()
	lower := strings.ToLower(pw)
	if _, ok := set[lower]; ok {
		return true
	}
	stem := strings.TrimRightFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if stem == "" || stem == lower {
		return false
	}
	_, ok := set[stem]
	return ok
}
