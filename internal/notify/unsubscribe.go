package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// An unsubscribe link names a person and a kind of message, signed with the
// database's notice key (HMAC-SHA256), so that it works without signing in
// and cannot be made for anyone else: "<user>.<kind>.<signature>".

// UnsubscribeToken signs the person's link for the kind.
func UnsubscribeToken(key []byte, userID int64, kind mb.NoticeKind) string {
	payload := strconv.FormatInt(userID, 10) + "." + string(kind)
	return payload + "." + signature(key, payload)
}

// ParseUnsubscribeToken checks a token's signature and returns whom and
// what it names; a token that does not check out is ENOTFOUND.
func ParseUnsubscribeToken(key []byte, token string) (int64, mb.NoticeKind, error) {
	bad := mb.Errorf(mb.ENOTFOUND, "This unsubscribe link is not valid. Sign in and choose what you are sent on your account page.")
	i := strings.LastIndexByte(token, '.')
	if i < 0 {
		return 0, "", bad
	}
	payload, sig := token[:i], token[i+1:]
	if !hmac.Equal([]byte(sig), []byte(signature(key, payload))) {
		return 0, "", bad
	}
	idText, kindText, ok := strings.Cut(payload, ".")
	id, err := strconv.ParseInt(idText, 10, 64)
	kind := mb.NoticeKind(kindText)
	if !ok || err != nil || !kind.Valid() {
		return 0, "", bad
	}
	return id, kind, nil
}

func signature(key []byte, payload string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("unsubscribe:" + payload))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil)[:18])
}

// Unsubscribed is the person's choices after unsubscribing from the kind:
// it is never sent; and for the weekly digest, nothing goes into it any more.
func Unsubscribed(p mb.Preferences, kind mb.NoticeKind) mb.Preferences {
	out := mb.Preferences{kind: mb.Never}
	if kind == mb.NoticeSummary {
		for _, k := range mb.NoticeKinds {
			if p.For(k) == mb.InDigest {
				out[k] = mb.Never
			}
		}
	}
	return out
}
