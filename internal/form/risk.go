package form

import (
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Risk is the risk form as typed.
type Risk struct {
	ID          int64
	Version     string
	Reference   string
	Statement   string
	Owner       string
	OwnerPerson string
	Likelihood  string
	Impact      string
	Status      string
	Mitigations string
	// Actions are the references of the actions that mitigate the risk,
	// separated by commas or lines: "OPSG 105/01, 105/03".
	Actions string
	Errors  Errors
}

// NewRisk is the empty form of a new risk.
func NewRisk() *Risk { return &Risk{Status: string(mb.RiskOpen), Errors: Errors{}} }

// RiskFrom fills the form from a stored risk, for editing.
func RiskFrom(r *mb.Risk) *Risk {
	var refs []string
	for _, a := range r.Actions {
		refs = append(refs, a.Reference())
	}
	return &Risk{
		ID: r.ID, Version: strconv.Itoa(r.Version), Reference: r.Reference, Statement: r.Statement,
		Owner: strconv.FormatInt(r.OwnerID, 10), OwnerPerson: idString(r.OwnerPersonID),
		Likelihood: strconv.Itoa(r.Likelihood), Impact: strconv.Itoa(r.Impact),
		Status: string(r.Status), Mitigations: r.Mitigations, Actions: strings.Join(refs, ", "),
		Errors: Errors{},
	}
}

// ParseRisk reads a submitted risk form.
func ParseRisk(r *http.Request) (*Risk, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Risk{
		Version: value(r, "version"), Reference: value(r, "reference"), Statement: value(r, "statement"),
		Owner: value(r, "owner"), OwnerPerson: value(r, "owner_person"),
		Likelihood: value(r, "likelihood"), Impact: value(r, "impact"), Status: value(r, "status"),
		Mitigations: value(r, "mitigations"), Actions: value(r, "actions"), Errors: Errors{},
	}, nil
}

// ActionRef is a parsed action reference: "OPSG 105/01".
type ActionRef struct {
	Code     string
	Meeting  int
	Sequence int
}

// Risk converts the form into a risk of the committee with the code, and
// the references of its linked actions, recording any field that cannot be
// read in f.Errors and returning nil when there is one.
func (f *Risk) Risk(committeeID int64, code string, isNew bool) (*mb.Risk, []ActionRef) {
	r := &mb.Risk{
		ID: f.ID, CommitteeID: committeeID, Reference: f.Reference, Statement: f.Statement,
		Status: mb.RiskStatus(f.Status), Mitigations: f.Mitigations,
	}
	if !isNew {
		r.Version = parseVersion(f.Version, f.Errors)
	}
	if id := optionalID(f.Owner, "owner", f.Errors); id != nil {
		r.OwnerID = *id
	}
	r.OwnerPersonID = optionalID(f.OwnerPerson, "owner_person", f.Errors)
	r.Likelihood = parseScore(f.Likelihood, "likelihood", "likelihood", f.Errors)
	r.Impact = parseScore(f.Impact, "impact", "impact", f.Errors)
	var refs []ActionRef
	for _, s := range strings.FieldsFunc(f.Actions, func(c rune) bool { return c == ',' || c == '\n' || c == ';' }) {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		c, m, n, err := mb.ParseActionReference(s, code)
		if err != nil {
			f.Errors["actions"] = "Write each action as a reference such as " + code + " 105/01: " + s + " is not one."
			break
		}
		refs = append(refs, ActionRef{Code: c, Meeting: m, Sequence: n})
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		f.Errors.Merge(err)
	}
	if len(f.Errors) > 0 {
		return nil, nil
	}
	return r, refs
}

// parseScore reads a 1–5 likelihood or impact.
func parseScore(s, field, what string, errs Errors) int {
	n, err := strconv.Atoi(s)
	if err != nil || !mb.ValidScore(n) {
		if _, ok := errs[field]; !ok {
			errs[field] = "Choose " + article(what) + " " + what + " from 1 to 5."
		}
		return 0
	}
	return n
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// RiskReviewRow is one risk's row of the review form as typed.
type RiskReviewRow struct {
	RiskID     int64
	Reviewed   bool
	Likelihood string
	Impact     string
	Comment    string
}

// RiskReview is the form that records a meeting's reviews of the register.
type RiskReview struct {
	// Item is the chosen agenda item's id, or "new" for NewItem.
	Item    string
	NewItem string
	Rows    []RiskReviewRow
	Errors  Errors
}

// RowKey names a row's field in the form: "likelihood-12".
func RowKey(field string, riskID int64) string { return field + "-" + strconv.FormatInt(riskID, 10) }

// ParseRiskReview reads the review form's rows for the risks offered.
func ParseRiskReview(r *http.Request, riskIDs []int64) (*RiskReview, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	f := &RiskReview{Item: value(r, "item"), NewItem: value(r, "new_item"), Errors: Errors{}}
	for _, id := range riskIDs {
		f.Rows = append(f.Rows, RiskReviewRow{
			RiskID:     id,
			Reviewed:   r.PostFormValue(RowKey("reviewed", id)) != "",
			Likelihood: value(r, RowKey("likelihood", id)),
			Impact:     value(r, RowKey("impact", id)),
			Comment:    value(r, RowKey("comment", id)),
		})
	}
	return f, nil
}

// Row returns the row of the risk, or an empty one.
func (f *RiskReview) Row(riskID int64) RiskReviewRow {
	for _, row := range f.Rows {
		if row.RiskID == riskID {
			return row
		}
	}
	return RiskReviewRow{RiskID: riskID}
}

// Inputs converts the ticked rows into reviews, recording what cannot be
// read in f.Errors. A comment typed against a risk that is not ticked is an
// error rather than silently dropped.
func (f *RiskReview) Inputs(references map[int64]string) []mb.ReviewInput {
	var out []mb.ReviewInput
	for _, row := range f.Rows {
		if !row.Reviewed {
			if row.Comment != "" {
				f.Errors[RowKey("comment", row.RiskID)] = "Tick “reviewed” for " + references[row.RiskID] + ", or clear its comment."
			}
			continue
		}
		out = append(out, mb.ReviewInput{
			RiskID:     row.RiskID,
			Likelihood: parseScore(row.Likelihood, RowKey("likelihood", row.RiskID), "likelihood", f.Errors),
			Impact:     parseScore(row.Impact, RowKey("impact", row.RiskID), "impact", f.Errors),
			Comment:    row.Comment,
		})
	}
	if len(out) == 0 && len(f.Errors) == 0 {
		f.Errors["reviews"] = "Tick at least one risk reviewed at the meeting."
	}
	return out
}

// ItemChoice reads the chosen item: an id, or nil with the title of a new item.
func ItemChoice(item, newItem, field string, errs Errors) (*int64, string) {
	if item == "new" || item == "" {
		if strings.TrimSpace(newItem) == "" {
			errs[field] = "Choose the agenda item that records the risk register, or give the title of a new one."
		}
		return nil, newItem
	}
	return optionalID(item, field, errs), ""
}

// RiskDecision is the form that escalates risks to the parent body, or
// withdraws their escalation, by a decision recorded in an item. Its fields
// carry a prefix ("escalate_", "withdraw_") so that both forms can share a
// page.
type RiskDecision struct {
	Prefix  string
	Item    string
	NewItem string
	Risks   []string // the ids ticked
	Reason  string
	Errors  Errors
}

// ParseRiskDecision reads an escalation or withdrawal form whose fields
// carry the prefix.
func ParseRiskDecision(r *http.Request, prefix string) (*RiskDecision, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &RiskDecision{
		Prefix: prefix, Item: value(r, prefix+"item"), NewItem: value(r, prefix+"new_item"),
		Risks: r.PostForm[prefix+"risk"], Reason: value(r, prefix+"reason"), Errors: Errors{},
	}, nil
}

// Ticked reports whether the risk was ticked.
func (f *RiskDecision) Ticked(riskID int64) bool {
	for _, s := range f.Risks {
		if s == strconv.FormatInt(riskID, 10) {
			return true
		}
	}
	return false
}

// RiskIDs reads the ticked risks.
func (f *RiskDecision) RiskIDs() []int64 {
	var ids []int64
	for _, s := range f.Risks {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		f.Errors[f.Prefix+"risk"] = "Tick the risks the decision is about."
	}
	return ids
}

// MergePrefixed copies a domain error's messages into the form's errors,
// renaming the store's fields ("item", "new_item", "risks") to the form's.
func (f *RiskDecision) MergePrefixed(err error) {
	fields := mb.ErrorFields(err)
	if len(fields) == 0 {
		f.Errors[""] = mb.ErrorMessage(err)
		return
	}
	for k, v := range fields {
		if k == "risks" {
			k = "risk"
		}
		f.Errors[f.Prefix+k] = v
	}
}
