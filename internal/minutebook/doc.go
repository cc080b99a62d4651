// Package minutebook holds the domain of a governance meeting tracker: bodies
// and their meetings, minutes and their lifecycle, classification, and the
// rules that every other package applies. It imports only the standard library.
package minutebook
