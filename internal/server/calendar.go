package server

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/go-chi/chi/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/web"
)

// feedReader is who a calendar feed is for: the owner of ?token= when one
// is given (calendar programs carry no session), else the session's reader.
func (s *Server) feedReader(r *http.Request, token string) (*mb.Reader, error) {
	if token == "" {
		return reader(r), nil
	}
	u, err := s.store.UserByCalendarToken(r.Context(), token)
	if err != nil {
		return nil, err
	}
	return s.store.Reader(r.Context(), u)
}

// handleCommitteeCalendar serves GET /committees/{code}/calendar.ics: the
// committee's meetings and its open actions' target dates. Anonymously it
// carries only what anonymous readers may see (published CLEAR minutes);
// with a personal ?token= or a session, what that reader may see.
func (s *Server) handleCommitteeCalendar(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.feedReader(r, r.URL.Query().Get("token"))
	if err != nil {
		return err
	}
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	cal, err := s.calendar(r, rd, c.Code+" – "+c.Name, []int64{c.ID}, []int64{c.ID}, nil)
	if err != nil {
		return err
	}
	return serveCalendar(w, cal, strings.ToLower(c.Code)+".ics")
}

// handlePersonalCalendar serves GET /calendar/{token}: the signed-in
// reader's own feed, by its secret URL: the meetings of their committees,
// and the open actions of those committees and of their organisation; with
// ?actions=mine, of the actions only those the reader or their
// organisation owns.
func (s *Server) handlePersonalCalendar(w http.ResponseWriter, r *http.Request) error {
	token := strings.TrimSuffix(chi.URLParam(r, "token"), ".ics")
	rd, err := s.feedReader(r, token)
	if err != nil {
		return err
	}
	var committees []int64
	for id := range rd.Roles {
		committees = append(committees, id)
	}
	slices.Sort(committees)
	name := "minutebook – " + rd.User.Name
	own := &mb.Ownership{PersonID: rd.User.PersonID, OrganisationID: rd.User.OrganisationID}
	if r.URL.Query().Get("actions") == "mine" {
		cal, err := s.calendar(r, rd, name+" (my actions)", committees, nil, own)
		if err != nil {
			return err
		}
		return serveCalendar(w, cal, "minutebook-mine.ics")
	}
	cal, err := s.calendar(r, rd, name, committees, committees, own)
	if err != nil {
		return err
	}
	return serveCalendar(w, cal, "minutebook.ics")
}

// calendar builds a feed of the committees' meetings the reader may see on
// the schedule and the open actions with a target date the reader may see:
// those of actionsOf's committees, and those owned as owned says when given.
func (s *Server) calendar(r *http.Request, rd *mb.Reader, name string, committees, actionsOf []int64, owned *mb.Ownership) (*ics.Calendar, error) {
	ctx := r.Context()
	base := baseURL(r)
	cal := ics.NewCalendarFor("minutebook")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(name)
	cal.SetXWRCalName(name)
	cal.SetXWRTimezone(mb.Zone.String())
	cal.SetRefreshInterval("PT1H")
	// The published agendas the reader may read, by meeting: their events
	// link to them.
	agendas, err := s.store.PublishedAgendaStates(ctx, rd, committees)
	if err != nil {
		return nil, err
	}
	for _, id := range committees {
		// The committee's members see its whole schedule, which they need
		// before its minutes exist; anyone else the meetings whose minutes
		// they may open.
		f := mb.MeetingFilter{CommitteeID: &id}
		if !rd.Member(id) {
			f.Reader = rd
		}
		meetings, err := s.store.Meetings(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, m := range meetings {
			addMeeting(cal, m, agendas[m.ID], base)
		}
	}
	seen := map[int64]bool{}
	add := func(f mb.ActionFilter) error {
		f.Status, f.Today = mb.FilterOpen, s.clock.Today()
		return s.store.EachRegisterEntry(ctx, rd, f, func(e mb.RegisterEntry) error {
			if e.Action.CurrentTarget != nil && !seen[e.Action.ID] {
				seen[e.Action.ID] = true
				addAction(cal, e, base, s.clock.Now())
			}
			return nil
		})
	}
	for _, id := range actionsOf {
		if err := add(mb.ActionFilter{CommitteeID: &id}); err != nil {
			return nil, err
		}
	}
	if owned != nil {
		if err := add(mb.ActionFilter{OwnedBy: owned}); err != nil {
			return nil, err
		}
	}
	return cal, nil
}

// addMeeting adds the meeting's event; agenda, when the reader may read
// its published agenda, makes the event link to it.
func addMeeting(cal *ics.Calendar, m *mb.Meeting, agenda *mb.Agenda, base string) {
	e := cal.AddEvent("meeting-" + strconv.FormatInt(m.ID, 10) + "@minutebook")
	e.SetDtStampTime(m.UpdatedAt)
	e.SetModifiedAt(m.UpdatedAt)
	e.SetSequence(m.Version)
	e.SetSummary(m.ShortName() + " – " + m.Kind.Label())
	if m.Venue != "" {
		e.SetLocation(m.Venue)
	}
	if agenda != nil {
		a := *agenda
		a.Meeting = m
		link := base + web.AgendaPath(m.CommitteeCode, m.Number)
		e.SetDescription(m.Title() + " (" + m.Reference + ")\nAgenda: " + link + "\n" + a.StatusLine())
		e.SetURL(link)
		e.SetSequence(m.Version + a.Revision)
	} else {
		e.SetDescription(m.Title() + " (" + m.Reference + ")")
		e.SetURL(base + web.MeetingPath(m.CommitteeCode, m.Number))
	}
	if m.Start != nil {
		start := time.Date(m.Date.Year(), m.Date.Month(), m.Date.Day(), m.Start.Hour, m.Start.Minute, 0, 0, mb.Zone)
		e.SetStartAt(start)
		end := start.Add(time.Hour)
		if m.End != nil {
			end = time.Date(m.Date.Year(), m.Date.Month(), m.Date.Day(), m.End.Hour, m.End.Minute, 0, 0, mb.Zone)
		}
		e.SetEndAt(end)
	} else {
		e.SetAllDayStartAt(m.Date)
		e.SetAllDayEndAt(m.Date.AddDate(0, 0, 1))
	}
}

func addAction(cal *ics.Calendar, en mb.RegisterEntry, base string, now time.Time) {
	a := en.Action
	e := cal.AddEvent("action-" + strconv.FormatInt(a.ID, 10) + "@minutebook")
	e.SetDtStampTime(now.UTC())
	e.SetSequence(a.Version)
	e.SetSummary("Action " + a.Reference() + " due – " + a.OwnerName)
	desc := a.Text
	if en.Slippage.Revisions > 0 {
		desc += "\nTarget date revised " + strconv.Itoa(en.Slippage.Revisions) + " time(s), " + strconv.Itoa(en.Slippage.Days) + " days in all."
	}
	e.SetDescription(desc)
	e.SetURL(base + web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence))
	e.SetAllDayStartAt(*a.CurrentTarget)
	e.SetAllDayEndAt(a.CurrentTarget.AddDate(0, 0, 1))
	e.SetTimeTransparency(ics.TransparencyTransparent)
}

// serveCalendar sends a feed as RFC 5545 writes it: every line ends in
// CRLF (the library's default is the platform's newline), long lines are
// folded, and no value carries a raw CR or LF or another control character
// (icsValue), which would end a line where none should end.
func serveCalendar(w http.ResponseWriter, cal *ics.Calendar, filename string) error {
	for i := range cal.CalendarProperties {
		cal.CalendarProperties[i].Value = icsValue(cal.CalendarProperties[i].Value)
	}
	var clean func(cs []ics.Component)
	clean = func(cs []ics.Component) {
		for _, c := range cs {
			props := c.UnknownPropertiesIANAProperties()
			for i := range props {
				props[i].Value = icsValue(props[i].Value)
			}
			clean(c.SubComponents())
		}
	}
	clean(cal.Components)
	attachment(w, "text/calendar; charset=utf-8", filename, "private, max-age=300")
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// icsValue is a value as a feed may carry it: a CRLF or a lone CR (a
// browser sends a textarea's newlines as CRLF) becomes a newline, which
// the library writes escaped as \n; any other control character but tab
// is dropped.
func icsValue(v string) string {
	v = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(v)
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f {
			return -1
		}
		return r
	}, v)
}

// handleCalendarToken serves POST /account/calendar-token: it makes (or
// remakes, killing the old one) the reader's personal feed URL and shows it
// once.
func (s *Server) handleCalendarToken(w http.ResponseWriter, r *http.Request) error {
	secret := password.Token("cal_", 32)
	if err := s.store.SetCalendarToken(r.Context(), reader(r).User.ID, secret); err != nil {
		return err
	}
	return s.renderAccountPage(w, r, http.StatusOK, nil, "", secret)
}

// calendarFeeds is the account page's calendar part; secret, when set, is
// the feed's secret just made, shown once as its two URLs.
func (s *Server) calendarFeeds(r *http.Request, secret string) (web.CalendarFeeds, error) {
	f := web.CalendarFeeds{}
	if secret != "" {
		f.NewURL = baseURL(r) + web.PersonalCalendarPath(secret, false)
		f.NewMineURL = baseURL(r) + web.PersonalCalendarPath(secret, true)
	}
	at, ok, err := s.store.CalendarTokenCreated(r.Context(), reader(r).User.ID)
	if err != nil {
		return f, err
	}
	f.HasToken, f.Created = ok, at
	committees, err := s.store.Committees(r.Context())
	if err != nil {
		return f, err
	}
	for _, c := range committees {
		f.Committees = append(f.Committees, web.Option{Value: web.CommitteeCalendarPath(c.Code), Label: web.CommitteeCodeOption(c).Label})
	}
	return f, nil
}
