package form

import (
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Committee is the committee form as typed.
type Committee struct {
	ID                  int64
	Version             string
	Code                string
	Name                string
	Description         string
	Parent              string
	Secretariat         string
	Categories          string // one per line, in order
	DecisionVocabulary  string // one per line
	EscalationThreshold string
	ReminderDays        string
	Bands               string // one per line: "Critical 20-25"
	StandingItems
	Errors Errors
}

// StandingItems are a committee's standing items as typed, one title a
// line: those at the start of every meeting and those at its end. The
// committee form and the secretariat's own page share them.
type StandingItems struct {
	StandingStart string
	StandingEnd   string
}

// StandingItemsFrom fills the fields from a committee.
func StandingItemsFrom(c *mb.Committee) StandingItems {
	return StandingItems{StandingStart: strings.Join(c.StandingTitles(false), "\n"), StandingEnd: strings.Join(c.StandingTitles(true), "\n")}
}

// ParseStandingItems reads the fields of a submitted form.
func ParseStandingItems(r *http.Request) StandingItems {
	return StandingItems{StandingStart: value(r, "standing_start"), StandingEnd: value(r, "standing_end")}
}

// Apply gives the committee the standing items typed.
func (f StandingItems) Apply(c *mb.Committee) {
	c.SetStandingItems(lines(f.StandingStart), lines(f.StandingEnd))
}

// StandingItemsForm is the secretariat's form of a committee's standing items.
type StandingItemsForm struct {
	Version string
	StandingItems
	Errors Errors
}

// CommitteeFrom fills the form from a stored committee, for editing.
func CommitteeFrom(c *mb.Committee) *Committee {
	f := &Committee{
		ID: c.ID, Version: strconv.Itoa(c.Version), Code: c.Code, Name: c.Name, Description: c.Description,
		Parent: idString(c.ParentID), Secretariat: idString(c.SecretariatID),
		Categories:          strings.Join(c.Categories, "\n"),
		DecisionVocabulary:  strings.Join(c.DecisionVocabulary, "\n"),
		EscalationThreshold: strconv.Itoa(c.EscalationThreshold),
		StandingItems:       StandingItemsFrom(c),
		ReminderDays:        strconv.Itoa(c.ReminderDays),
		Errors:              Errors{},
	}
	var bands []string
	for _, b := range c.Bands {
		bands = append(bands, b.Name+" "+strconv.Itoa(b.Min)+"-"+strconv.Itoa(b.Max))
	}
	f.Bands = strings.Join(bands, "\n")
	return f
}

// NewCommittee is the empty form with the defaults of a new committee.
func NewCommittee() *Committee {
	return CommitteeFrom(&mb.Committee{
		DecisionVocabulary:  mb.DefaultDecisionVocabulary,
		EscalationThreshold: mb.DefaultEscalationThreshold,
		ReminderDays:        mb.DefaultReminderDays,
		Bands:               mb.DefaultSeverityBands,
		Version:             1,
	})
}

// ParseCommittee reads a submitted committee form.
func ParseCommittee(r *http.Request) (*Committee, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Committee{
		Version: value(r, "version"), Code: value(r, "code"), Name: value(r, "name"),
		Description: value(r, "description"), Parent: value(r, "parent"), Secretariat: value(r, "secretariat"),
		Categories: value(r, "categories"), DecisionVocabulary: value(r, "decision_vocabulary"),
		EscalationThreshold: value(r, "escalation_threshold"), ReminderDays: value(r, "reminder_days"), Bands: value(r, "bands"),
		StandingItems: ParseStandingItems(r), Errors: Errors{},
	}, nil
}

// Committee converts the form into a committee, recording any field that
// cannot be read in f.Errors and returning nil when there is one.
func (f *Committee) Committee(isNew bool) *mb.Committee {
	c := &mb.Committee{
		ID: f.ID, Code: f.Code, Name: f.Name, Description: f.Description,
		Categories: lines(f.Categories), DecisionVocabulary: lines(f.DecisionVocabulary),
	}
	if !isNew {
		c.Version = parseVersion(f.Version, f.Errors)
	}
	c.ParentID = optionalID(f.Parent, "parent", f.Errors)
	c.SecretariatID = optionalID(f.Secretariat, "secretariat", f.Errors)
	if t, err := strconv.Atoi(f.EscalationThreshold); err != nil {
		f.Errors["escalation_threshold"] = "Enter the escalation threshold as a whole number from 1 to 25."
	} else {
		c.EscalationThreshold = t
	}
	if f.ReminderDays == "" {
		c.ReminderDays = mb.DefaultReminderDays
	} else if d, err := strconv.Atoi(f.ReminderDays); err != nil {
		f.Errors["reminder_days"] = "Enter the reminder days as a whole number from 1 to 60."
	} else {
		c.ReminderDays = d
	}
	for _, l := range lines(f.Bands) {
		b, ok := parseBand(l)
		if !ok {
			f.Errors["bands"] = "Write each band as a name and a range, such as “High 12-19”: " + l + " is not."
			break
		}
		c.Bands = append(c.Bands, b)
	}
	f.StandingItems.Apply(c)
	c.Normalize()
	return checked(c, f.Errors, c.Validate())
}

// parseBand reads "High 12-19" (or "High 12–19").
func parseBand(s string) (mb.SeverityBand, bool) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return mb.SeverityBand{}, false
	}
	name, rng := strings.TrimSpace(s[:i]), strings.ReplaceAll(s[i+1:], "–", "-")
	lo, hi, ok := strings.Cut(rng, "-")
	if !ok {
		return mb.SeverityBand{}, false
	}
	min, err1 := strconv.Atoi(lo)
	max, err2 := strconv.Atoi(hi)
	if err1 != nil || err2 != nil || name == "" {
		return mb.SeverityBand{}, false
	}
	return mb.SeverityBand{Name: name, Min: min, Max: max}, true
}
