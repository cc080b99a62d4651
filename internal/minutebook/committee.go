package minutebook

import (
	"regexp"
	"strings"
	"time"
)

// DefaultDecisionVocabulary is the decision vocabulary of a new committee: the
// words of the model document. A committee may add its own.
var DefaultDecisionVocabulary = []string{"NOTED", "AGREED", "APPROVED"}

// DefaultEscalationThreshold is the severity at or above which a new
// committee's risks are offered for escalation to its parent body.
const DefaultEscalationThreshold = 15

// DefaultReminderDays is how many days before an action's target a new
// committee first reminds its owner.
const DefaultReminderDays = 7

// Committee is a body: a committee, sub-committee, panel or group.
type Committee struct {
	ID          int64
	Code        string // "OPSG"
	Name        string // "Operations Group"
	Description string
	ParentID    *int64 // the parent body, if any
	ParentCode  string // read-only, filled by the store
	ParentName  string // read-only, filled by the store
	// SecretariatID is the organisation that runs the committee's secretariat.
	SecretariatID   *int64
	SecretariatName string // read-only, filled by the store
	// Categories are the membership categories in their order.
	Categories          []string
	DecisionVocabulary  []string
	EscalationThreshold int
	// ReminderDays is how many days before an action's target its owner
	// is first reminded (1–60).
	ReminderDays int
	Bands        []SeverityBand
	// StandingItems are the items the committee takes at every meeting,
	// in order: those at the start, then those at the end.
	StandingItems []StandingItem
	// Rules are its formal rules (quorum, casting vote, signatory, the
	// register of interests), set apart from its other settings.
	Rules     CommitteeRules
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	// Epoch is read-only: the count of the writes to the committee's
	// register, schedule and minutes' surroundings (see Meeting.Epoch).
	Epoch int64
}

// StandingItem is an item a committee takes at every meeting ("Previous
// Meeting Minutes", "Actions Outstanding" at the start, "Any Other
// Business" at the end), offered to each new meeting; the agenda offers
// the same list.
type StandingItem struct {
	Title string
	AtEnd bool
}

// StandingTitles lists the titles of the standing items at the start, or
// at the end.
func (c *Committee) StandingTitles(atEnd bool) []string {
	var out []string
	for _, it := range c.StandingItems {
		if it.AtEnd == atEnd {
			out = append(out, it.Title)
		}
	}
	return out
}

// SetStandingItems makes the standing items those titled start (at the
// start of every meeting) and end (at its end), in order.
func (c *Committee) SetStandingItems(start, end []string) {
	c.StandingItems = nil
	for _, t := range start {
		c.StandingItems = append(c.StandingItems, StandingItem{Title: t})
	}
	for _, t := range end {
		c.StandingItems = append(c.StandingItems, StandingItem{Title: t, AtEnd: true})
	}
}

// ValidateStandingItems checks the standing items' titles.
func (c *Committee) ValidateStandingItems() error {
	fe := FieldErrors{}
	seen := map[string]bool{}
	for i := range c.StandingItems {
		it := &c.StandingItems[i]
		it.Title = strings.Join(strings.Fields(it.Title), " ")
		field := "standing_start"
		if it.AtEnd {
			field = "standing_end"
		}
		switch key := strings.ToLower(it.Title); {
		case it.Title == "":
			fe.Add(field, "Give every standing item a title.")
		case len(it.Title) > 300:
			fe.Add(field, "A standing item's title is 300 characters at most.")
		case seen[key]:
			fe.Add(field, "“"+it.Title+"” is listed twice: each standing item once.")
		default:
			seen[key] = true
		}
	}
	return fe.Err()
}

var (
	committeeCodeRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,11}$`)
	decisionWordRE  = regexp.MustCompile(`^[A-Z][A-Z ]{1,29}$`)
)

// Normalize tidies what a person typed: trims, upper-cases the code and the
// decision words, drops empty lines and repeats from the lists.
func (c *Committee) Normalize() {
	c.Code = strings.ToUpper(strings.TrimSpace(c.Code))
	c.Name = strings.TrimSpace(c.Name)
	c.Description = strings.TrimSpace(c.Description)
	c.Categories = cleanList(c.Categories, false)
	c.DecisionVocabulary = cleanList(c.DecisionVocabulary, true)
}

func cleanList(in []string, upper bool) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range in {
		s = strings.Join(strings.Fields(s), " ")
		if upper {
			s = strings.ToUpper(s)
		}
		if s == "" || seen[strings.ToLower(s)] {
			continue
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
	}
	return out
}

// Validate checks the committee's own rules; the store checks those that need
// other rows (a unique code, a parent that is not a descendant).
func (c *Committee) Validate() error {
	fe := FieldErrors{}
	switch {
	case c.Code == "":
		fe.Add("code", "Enter a short code, such as OPSG.")
	case !committeeCodeRE.MatchString(c.Code):
		fe.Add("code", "A code is 2 to 12 capital letters or digits, starting with a letter.")
	}
	if c.Name == "" {
		fe.Add("name", "Enter the committee's name.")
	} else if len(c.Name) > 200 {
		fe.Add("name", "The name is too long: 200 characters at most.")
	}
	if c.ParentID != nil && c.ID != 0 && *c.ParentID == c.ID {
		fe.Add("parent", "A committee cannot be its own parent body.")
	}
	if len(c.DecisionVocabulary) == 0 {
		fe.Add("decision_vocabulary", "Enter at least one decision word, such as NOTED.")
	}
	for _, w := range c.DecisionVocabulary {
		if !decisionWordRE.MatchString(w) {
			fe.Add("decision_vocabulary", "Decision words are capital letters, such as NOTED or AGREED: "+w+" is not.")
		}
	}
	if c.EscalationThreshold < 1 || c.EscalationThreshold > 25 {
		fe.Add("escalation_threshold", "The escalation threshold is a severity from 1 to 25.")
	}
	if c.ReminderDays < 1 || c.ReminderDays > 60 {
		fe.Add("reminder_days", "Remind owners from 1 to 60 days before an action's target.")
	}
	if err := ValidateBands(c.Bands); err != nil {
		fe.Add("bands", ErrorMessage(err))
	}
	for k, v := range ErrorFields(c.ValidateStandingItems()) {
		fe.Add(k, v)
	}
	return fe.Err()
}

// Band returns the name of the band that holds severity, or "" if none does.
func (c *Committee) Band(severity int) string {
	for _, b := range c.Bands {
		if severity >= b.Min && severity <= b.Max {
			return b.Name
		}
	}
	return ""
}

// Category returns the committee's category named s (without case or
// spacing), or "".
func (c *Committee) Category(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, cat := range c.Categories {
		if strings.EqualFold(s, cat) {
			return cat
		}
	}
	return ""
}

// RoleCategory returns the committee's category a role in minutes names:
// the role itself ("Independent Member"), or the category in its brackets
// ("Panel Member (Large Supplier)" for "Large Supplier"); "" when it names
// none.
func (c *Committee) RoleCategory(role string) string {
	if role == "" {
		return ""
	}
	if cat := c.Category(role); cat != "" {
		return cat
	}
	if open := strings.LastIndexByte(role, '('); open >= 0 && strings.HasSuffix(role, ")") {
		return c.Category(role[open+1 : len(role)-1])
	}
	return ""
}
