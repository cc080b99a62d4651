package minutebook

import (
	"fmt"
	"strings"
)

// Decision is a decision recorded in an item, in the committee's voice:
// "The OPSG NOTED the update."
type Decision struct {
	ID       int64
	ItemID   int64
	Position int
	Kind     string // a word of the committee's vocabulary: NOTED, AGREED, …
	Text     string // what follows the word: "the update"
	// Vote is how the committee voted on it, when it voted; nil otherwise.
	Vote    *Vote
	Version int
}

// DecisionSentence renders one decision in the committee's voice, as plain
// text: "The OPSG NOTED the update.", or with its vote, "The PANEL voted 7
// for, 2 against, with 1 abstention, and APPROVED the modification."
func DecisionSentence(code string, d Decision) string {
	if d.Vote != nil {
		return votedSentence(DecisionLead(code), d)
	}
	return fmt.Sprintf("The %s %s %s", code, d.Kind, sentenceText(d.Text))
}

// VotePhrase is what a voted decision says before its word, after the
// committee's name: "voted 7 for, 2 against, with 1 abstention, and"; ""
// for a decision taken without a vote. The page sets the word in bold
// after it.
func (d Decision) VotePhrase() string {
	if d.Vote == nil {
		return ""
	}
	return "voted " + d.Vote.Tally() + ", and"
}

// Validate checks a decision against the committee's vocabulary.
func (d *Decision) Validate(vocabulary []string) error {
	fe := FieldErrors{}
	d.Kind = strings.ToUpper(strings.TrimSpace(d.Kind))
	d.Text = strings.Join(strings.Fields(d.Text), " ")
	known := false
	for _, w := range vocabulary {
		known = known || w == d.Kind
	}
	if !known {
		fe.Add("kind", "Choose one of the committee's decision words: "+strings.Join(vocabulary, ", ")+".")
	}
	if d.Text == "" {
		fe.Add("text", "Enter what was decided, such as “the update”.")
	} else if len(d.Text) > 5000 {
		fe.Add("text", "The decision is too long: 5,000 characters at most.")
	}
	return fe.Err()
}

// DecisionLead is the committee's voice before a decision: "The OPSG".
func DecisionLead(code string) string { return "The " + code }
