package minutebook

import "strings"

// DeclarationEffect says what a member who declared an interest in an item
// then did: took part, stayed for the discussion but did not vote, or left
// the room. A vote refuses to count those who did not vote or left.
type DeclarationEffect string

// The effects of a declaration.
const (
	TookPart   DeclarationEffect = "took_part"
	DidNotVote DeclarationEffect = "did_not_vote"
	LeftRoom   DeclarationEffect = "left_room"
)

// DeclarationEffects lists the effects in the order forms offer them.
var DeclarationEffects = []DeclarationEffect{DidNotVote, LeftRoom, TookPart}

// Valid reports whether e is a known effect.
func (e DeclarationEffect) Valid() bool { return e == TookPart || e == DidNotVote || e == LeftRoom }

// Label is the choice as the form offers it.
func (e DeclarationEffect) Label() string {
	switch e {
	case TookPart:
		return "Took part in the discussion and the vote"
	case DidNotVote:
		return "Stayed for the discussion but did not vote"
	case LeftRoom:
		return "Left the room for the item and did not vote"
	}
	return string(e)
}

// Phrase is the effect as the minutes write it after the person's name.
func (e DeclarationEffect) Phrase() string {
	switch e {
	case TookPart:
		return "took part in the discussion and the vote"
	case DidNotVote:
		return "did not vote"
	case LeftRoom:
		return "left the room"
	}
	return string(e)
}

// Votes reports whether a member who declared with this effect may be
// counted in the item's vote.
func (e DeclarationEffect) Votes() bool { return e == TookPart }

// Declaration is an interest a person recorded at the meeting declared in
// an item: "Marcus Oyelaran declared an interest: Tallis Metering Services
// has bid in the tender. Marcus Oyelaran did not vote."
type Declaration struct {
	ID         int64
	ItemID     int64
	ItemNumber string // read-only: the item's number in its minutes
	PersonID   int64
	PersonName string // read-only
	Nature     string
	Effect     DeclarationEffect
	Version    int
}

// Sentence is the declaration as the minutes record it in its item.
func (d Declaration) Sentence() string {
	return d.PersonName + " declared an interest: " + sentenceText(d.Nature) + " " + d.PersonName + " " + d.Effect.Phrase() + "."
}

// Validate checks the declaration's own rules; the store checks that the
// person was recorded at the meeting.
func (d *Declaration) Validate() error {
	fe := FieldErrors{}
	if d.PersonID == 0 {
		fe.Add("person", "Choose who declared the interest.")
	}
	d.Nature = checkNature(fe, d.Nature, "Tallis Metering Services has bid in the tender")
	if !d.Effect.Valid() {
		fe.Add("effect", "Choose whether they took part, did not vote, or left the room.")
	}
	return fe.Err()
}

// Declarations lists the declarations of the items, in the order of the
// items, for the list near the top of the minutes.
func Declarations(items []*Item) []Declaration {
	var out []Declaration
	var walk func(list []*Item)
	walk = func(list []*Item) {
		for _, it := range list {
			for _, d := range it.Declarations {
				d.ItemNumber = it.Number
				out = append(out, d)
			}
			walk(it.Children)
		}
	}
	walk(items)
	return out
}

// checkNature tidies the nature of an interest and checks it is given and
// not too long; example is what the message offers.
func checkNature(fe FieldErrors, nature, example string) string {
	nature = strings.Join(strings.Fields(nature), " ")
	switch {
	case nature == "":
		fe.Add("nature", "Say what the interest is, such as “"+example+"”.")
	case len(nature) > 2000:
		fe.Add("nature", "The interest is too long: 2,000 characters at most.")
	}
	return nature
}
