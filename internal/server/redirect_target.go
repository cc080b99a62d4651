package server

import (
	"net/url"
	"strings"
)

// sameSitePath returns target when it is a path on this site as a browser
// reads it, and "/" otherwise. It decides every redirect whose target comes
// from the request (the sign-in page's next).
//
// A browser cleans a URL up before it follows it (the WHATWG URL standard):
// it drops leading and trailing control characters and spaces, removes
// every tab, CR and LF, and reads a backslash as a slash. So "/\t/evil" and
// "/\evil" are both "//evil", another host. Rather than clean up as a
// browser would, and hope to agree with every browser, sameSitePath refuses
// what a clean-up could change: any control character or space, any
// backslash, a second slash at the start, and dot segments ("/.//evil"
// resolves to "//evil"). It checks the path both as sent and decoded once,
// so that "/%2F/evil" and "/%5Cevil" are refused too, and it refuses a
// scheme, a host or user information, whatever their case.
func sameSitePath(target string) string {
	if !isSameSitePath(target) {
		return "/"
	}
	return target
}

func isSameSitePath(target string) bool {
	if strings.ContainsFunc(target, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return false
	}
	path, _, _ := strings.Cut(target, "?")
	path, _, _ = strings.Cut(path, "#")
	decoded, err := url.PathUnescape(path)
	if err != nil {
		return false
	}
	for _, p := range []string{path, decoded} {
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsRune(p, '\\') ||
			strings.ContainsFunc(p, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return false
		}
		for _, segment := range strings.Split(p, "/") {
			if segment == "." || segment == ".." {
				return false
			}
		}
	}
	u, err := url.Parse(target)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == ""
}
