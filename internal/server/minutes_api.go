package server

import (
	"encoding/json"
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// The read API's JSON shapes. Dates are ISO 8601 (2023-10-23), times HH:MM.

type apiMeeting struct {
	Committee      string `json:"committee"`
	Number         int    `json:"number"`
	Kind           string `json:"kind"`
	Date           string `json:"date"`
	Start          string `json:"start,omitempty"`
	End            string `json:"end,omitempty"`
	Venue          string `json:"venue"`
	Reference      string `json:"reference"`
	Classification string `json:"classification"`
	Status         string `json:"status"`
	DocumentTitle  string `json:"document_title"`
	URL            string `json:"url"`
}

type apiMinutes struct {
	apiMeeting
	Title        string           `json:"title"`
	ApprovedBy   string           `json:"approved_by,omitempty"`
	PDFURL       string           `json:"pdf_url"`  // the minutes as a PDF
	DOCXURL      string           `json:"docx_url"` // the minutes as a Word .docx
	Attendance   apiAttendance    `json:"attendance"`
	Items        []apiItem        `json:"items"`
	Outstanding  []apiOutstanding `json:"actions_outstanding"`
	NextMeetings []apiNextMeeting `json:"next_meetings"`
	// The formal record (issue 20): the quorum, and the chair's signature.
	Quorum    *apiQuorum    `json:"quorum,omitempty"`
	Signature *apiSignature `json:"signature,omitempty"`
}

type apiAttendance struct {
	Members   []apiGroup `json:"members"`
	Others    []apiGroup `json:"other_participants"`
	Apologies []apiGroup `json:"apologies"`
}

type apiGroup struct {
	Group     string        `json:"group"`
	Attendees []apiAttendee `json:"attendees"`
}

type apiAttendee struct {
	Name         string `json:"name"`
	Status       string `json:"status"`
	PartItems    string `json:"part_items,omitempty"`
	AlternateFor string `json:"alternate_for,omitempty"`
}

type apiItem struct {
	Number         string           `json:"number"`
	Withheld       bool             `json:"withheld,omitempty"`
	Notice         string           `json:"notice,omitempty"`
	Title          string           `json:"title,omitempty"`
	Classification string           `json:"classification,omitempty"`
	Minute         string           `json:"minute,omitempty"`
	MinuteHTML     string           `json:"minute_html,omitempty"`
	Declarations   []apiDeclaration `json:"declarations,omitempty"`
	// Placement says whether the item's own decisions and actions come
	// "before" its sub-items or "after" them (set apart as "continued").
	Placement string             `json:"placement,omitempty"`
	Decisions []apiDecision      `json:"decisions,omitempty"`
	Actions   []apiMinutesAction `json:"actions,omitempty"`
	Items     []apiItem          `json:"items,omitempty"`
}

type apiDecision struct {
	Kind     string   `json:"kind"`
	Text     string   `json:"text"`
	Sentence string   `json:"sentence"`
	Vote     *apiVote `json:"vote,omitempty"`
}

// apiMinutesAction is an action as a meeting's minutes carry it; the
// register's fuller form is apiAction.
type apiMinutesAction struct {
	Reference   string `json:"reference"`
	Text        string `json:"text"`
	Owner       string `json:"owner"`
	OwnerPerson string `json:"owner_person,omitempty"`
	RaisedOn    string `json:"raised_on"`
	TargetDate  string `json:"target_date,omitempty"`
	Status      string `json:"status"`
}

type apiOutstanding struct {
	apiMinutesAction
	LastTargetDate    string `json:"last_target_date,omitempty"`
	RevisedTargetDate string `json:"revised_target_date,omitempty"`
	StatusAfter       string `json:"status_after_meeting"`
}

type apiNextMeeting struct {
	Kind   string `json:"kind"`
	Number int    `json:"number"`
	Date   string `json:"date"`
}

func isoDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toAPIMeeting(r *http.Request, m *mb.Meeting) apiMeeting {
	a := apiMeeting{
		Committee: m.CommitteeCode, Number: m.Number, Kind: string(m.Kind), Date: isoDate(&m.Date), Venue: m.Venue,
		Reference: m.Reference, Classification: m.Classification.String(), Status: string(m.Status),
		DocumentTitle: m.DocumentTitle(), URL: baseURL(r) + web.APIMeetingPath(m.CommitteeCode, m.Number),
	}
	if m.Start != nil {
		a.Start = m.Start.String()
	}
	if m.End != nil {
		a.End = m.End.String()
	}
	return a
}

func toAPIMinutesAction(a *mb.Action) apiMinutesAction {
	return apiMinutesAction{Reference: a.Reference(), Text: a.Text, Owner: a.OwnerName, OwnerPerson: a.OwnerPersonName,
		RaisedOn: isoDate(&a.RaisedOn), TargetDate: isoDate(a.CurrentTarget), Status: string(a.Status)}
}

// handleAPIMeetings serves GET /api/v1/committees/{code}/meetings: the
// committee's meetings whose minutes the reader may open, newest first.
func (s *Server) handleAPIMeetings(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	list, err := s.readableMeetings(r, mb.MeetingFilter{CommitteeID: &c.ID})
	if err != nil {
		return err
	}
	out := []apiMeeting{}
	for _, m := range list {
		out = append(out, toAPIMeeting(r, m))
	}
	writeJSON(w, http.StatusOK, map[string]any{"committee": c.Code, "meetings": out})
	return nil
}

// handleAPIMeeting serves GET /api/v1/committees/{code}/meetings/{number}:
// one meeting's structured minutes, with the same withholding as the page.
func (s *Server) handleAPIMeeting(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.readableMeeting(r)
	if err != nil {
		return err
	}
	key, _, err := s.documentKey(r, m, recorded, "api")
	if err != nil {
		return err
	}
	if s.notModified(w, r, key) {
		return nil
	}
	body, err := s.rendered(key, func() ([]byte, error) {
		doc, err := s.store.MinutesFor(r.Context(), reader(r), m, recorded)
		if err != nil {
			return nil, err
		}
		b, err := json.MarshalIndent(apiDocument(r, doc), "", "  ")
		return append(b, '\n'), err
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(body) // a client that hung up has nothing to be told
	return nil
}

// apiDocument is the API's form of the minutes as the reader may read them
// (the store's MinutesFor).
func apiDocument(r *http.Request, doc *mb.Minutes) apiMinutes {
	m := doc.Meeting
	out := apiMinutes{apiMeeting: toAPIMeeting(r, m), Title: m.Title(), ApprovedBy: doc.ApprovedBy,
		PDFURL: baseURL(r) + web.MinutesFilePath(m.CommitteeCode, m.Number, "pdf"), DOCXURL: baseURL(r) + web.MinutesFilePath(m.CommitteeCode, m.Number, "docx"),
		Items: []apiItem{}, Outstanding: []apiOutstanding{}, NextMeetings: []apiNextMeeting{}}
	members, others, apologies := mb.GroupAttendance(doc.Attendance, doc.Categories)
	out.Attendance = apiAttendance{Members: apiGroups(members), Others: apiGroups(others), Apologies: apiGroups(apologies)}
	for _, it := range doc.Items {
		out.Items = append(out.Items, toAPIItem(m, it))
	}
	for _, o := range doc.Outstanding {
		out.Outstanding = append(out.Outstanding, apiOutstanding{apiMinutesAction: toAPIMinutesAction(o.Action),
			LastTargetDate: isoDate(o.LastTarget), RevisedTargetDate: isoDate(o.RevisedTarget), StatusAfter: string(o.StatusAfter)})
	}
	for _, n := range doc.NextMeetings {
		out.NextMeetings = append(out.NextMeetings, apiNextMeeting{Kind: string(n.Kind), Number: n.Number, Date: isoDate(&n.Date)})
	}
	out.Quorum = toAPIQuorum(mb.JudgeQuorum(doc))
	out.Signature = toAPISignature(r, m, doc.Signature)
	return out
}

func apiGroups(groups []mb.AttendeeGroup) []apiGroup {
	out := []apiGroup{}
	for _, g := range groups {
		ag := apiGroup{Group: g.Name}
		for _, a := range g.Attendees {
			ag.Attendees = append(ag.Attendees, apiAttendee{Name: a.PersonName, Status: string(a.Status), PartItems: a.PartItems, AlternateFor: a.AlternateForName})
		}
		out = append(out, ag)
	}
	return out
}

// toAPIItem is an item as the reader may read it, with its sub-items.
func toAPIItem(m *mb.Meeting, it *mb.Item) apiItem {
	if it.Withheld {
		return apiItem{Number: it.Number, Withheld: true, Notice: mb.WithheldNotice(it), Classification: it.Classification.String()}
	}
	out := apiItem{Number: it.Number, Title: it.Title, Minute: it.Minute, MinuteHTML: web.RenderMinute(it.Minute), Placement: string(it.Placement)}
	if it.Classification != 0 {
		out.Classification = it.Classification.String()
	}
	for _, d := range it.Decisions {
		out.Decisions = append(out.Decisions, apiDecision{Kind: d.Kind, Text: d.Text, Sentence: mb.DecisionSentence(m.CommitteeCode, d), Vote: toAPIVote(d.Vote)})
	}
	for i := range it.Actions {
		out.Actions = append(out.Actions, toAPIMinutesAction(&it.Actions[i]))
	}
	for _, d := range it.Declarations {
		out.Declarations = append(out.Declarations, apiDeclaration{Name: d.PersonName, Nature: d.Nature, Effect: string(d.Effect), Sentence: d.Sentence()})
	}
	for _, c := range it.Children {
		out.Items = append(out.Items, toAPIItem(m, c))
	}
	return out
}
