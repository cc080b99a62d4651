package minutebook

import (
	"fmt"
	"strings"
)

// Classification is a level of the Panel Information Policy, on the model of
// the Traffic Light Protocol. Higher values are more restricted.
type Classification int

// The levels, from least to most restricted. The zero value is invalid so a
// forgotten classification is caught rather than read as public.
const (
	Clear Classification = iota + 1
	Green
	Amber
	Red
)

// Classifications lists every level, least restricted first.
var Classifications = []Classification{Clear, Green, Amber, Red}

// ParseClassification reads "CLEAR", "Green", "amber" and so on.
func ParseClassification(s string) (Classification, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "CLEAR", "WHITE":
		return Clear, nil
	case "GREEN":
		return Green, nil
	case "AMBER":
		return Amber, nil
	case "RED":
		return Red, nil
	}
	return 0, Errorf(EINVALID, "%q is not a classification: choose RED, AMBER, GREEN or CLEAR.", s)
}

// String returns the stored form: "RED", "AMBER", "GREEN" or "CLEAR".
func (c Classification) String() string {
	switch c {
	case Clear:
		return "CLEAR"
	case Green:
		return "GREEN"
	case Amber:
		return "AMBER"
	case Red:
		return "RED"
	}
	return fmt.Sprintf("Classification(%d)", int(c))
}

// Label returns the word as the documents print it: "Clear", "Amber".
func (c Classification) Label() string {
	s := c.String()
	return s[:1] + strings.ToLower(s[1:])
}

// Valid reports whether c is one of the four levels.
func (c Classification) Valid() bool { return c >= Clear && c <= Red }

// Disclosure is the sentence that follows "This document is classified as
// **Label** in accordance with the Panel Information Policy." at the head of a
// document.
func (c Classification) Disclosure() string {
	switch c {
	case Red:
		return "Recipients may not further disclose the information; it is for the eyes and ears of the people at the meeting only."
	case Amber:
		return "Recipients may only share this information with members of the committee and its secretariat, on a need-to-know basis."
	case Green:
		return "Recipients may share this information with the code's community, but not via publicly accessible channels."
	case Clear:
		return "Recipients can distribute this information to the world, there is no limit on disclosure. Information may be shared without restriction subject to copyright."
	}
	return ""
}

// Audience says in a few words who may read a document at this level.
func (c Classification) Audience() string {
	switch c {
	case Red:
		return "the people recorded at the meeting and its secretariat"
	case Amber:
		return "the committee's members and secretariat"
	case Green:
		return "every signed-in user"
	case Clear:
		return "everyone, including the public"
	}
	return ""
}
