package minutebook

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in the server; the message of an
// Error is safe to show to the person who caused it.
const (
	ECONFLICT     = "conflict"     // the record changed since it was read, or a unique value is taken
	EINTERNAL     = "internal"     // anything unexpected; its message is never shown
	EINVALID      = "invalid"      // the input breaks a rule
	ENOTFOUND     = "not_found"    // no such thing, or the reader may not know it exists
	EFORBIDDEN    = "forbidden"    // known reader, not allowed
	EUNAUTHORIZED = "unauthorized" // sign-in needed
	ETOOMANY      = "too_many"     // throttled
)

// Error is a domain error: a code for machines and a message for people.
// Fields holds per-field messages for forms, keyed by field name.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
}

func (e *Error) Error() string {
	return fmt.Sprintf("minutebook error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrors is a set of per-field validation messages.
type FieldErrors map[string]string

// Add records msg for field unless the field already has a message, so the
// first (usually most basic) problem is the one shown.
func (f FieldErrors) Add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

// Err returns an EINVALID *Error carrying the fields, or nil when there are none.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "Please correct the fields marked below.", Fields: f}
}

// ErrorCode returns the code of the first *Error in err's chain: "" for nil,
// EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or
// "Internal error." for any other error, so internals never reach a reader.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorFields returns the per-field messages of the first *Error in err's chain.
func ErrorFields(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
