package server_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// target is what a read path reads at one or more addresses (the pages of
// a list), and which records the responses together could show were the
// reader admitted to them.
type target struct {
	urls  []string
	shows func(r *record) bool
	// admits, when set, replaces the reading rule for this response (a
	// feed that shows what the public may read, whoever fetches it).
	admits func(r *record) bool
	// read, when set, reads the response itself, in place of fetching urls
	// (which then only name it): a message composed for the viewer.
	read func() []string
}

// readPath is a way records leave the system. A read path added later
// (search, agenda papers, notifications) joins this table with one entry.
type readPath struct {
	name string
	// kinds are the kinds of record the path can show (see record).
	kinds   string
	targets func(g *generated, v *viewer) []target
}

// viewer is one of the test's readers, as the rule sees them and as a client.
type viewer struct {
	key    string
	rd     *mb.Reader
	client *client
	token  string // the personal calendar's secret, when signed in
}

// recorded says whether the viewer was recorded at the record's meeting.
func (v *viewer) recorded(g *generated, number int) bool {
	return v.rd.SignedIn() && g.recorded[number]
}

// admitted is the reading rule's answer for the record (mb.Reader).
func (v *viewer) admitted(g *generated, r *record) bool {
	rec := v.recorded(g, r.meeting)
	if r.kind == 'C' {
		return v.rd.CanReadComment(&mb.Comment{AuthorID: g.commenter, Access: r.access}, rec)
	}
	return v.rd.CanAccess(r.access, rec)
}

// opens says whether the viewer may open meeting number's minutes.
func (v *viewer) opens(g *generated, number int) bool {
	return v.rd.CanReadMinutes(g.meetings[number], v.recorded(g, number))
}

// minutesShows is what a meeting's minutes show: its items, decisions,
// actions (and comments, kinds permitting), and in its actions outstanding
// table the earlier actions, with the notes recorded at this meeting.
func minutesShows(g *generated, v *viewer, number int) func(r *record) bool {
	return func(r *record) bool {
		if !v.opens(g, number) {
			return false
		}
		return r.meeting == number && r.kind != 'E' || r.kind == 'A' && r.meeting < number || r.kind == 'E' && r.meeting == number
	}
}

func everyMeeting(g *generated, prefix, suffix string, shows func(g *generated, v *viewer, n int) func(*record) bool, v *viewer) []target {
	var out []target
	for _, n := range g.numbers {
		out = append(out, target{urls: []string{prefix + strconv.Itoa(n) + suffix}, shows: shows(g, v, n)})
	}
	return out
}

func pages(url string, n int, shows func(*record) bool) []target {
	t := target{shows: shows}
	for p := 1; p <= n; p++ {
		t.urls = append(t.urls, url+"&page="+strconv.Itoa(p))
	}
	return []target{t}
}

// searchWords find every generated record: one of them is in each text.
const searchWords = "business+OR+report+OR+noted+OR+amend+OR+action+OR+history"

func kind(k byte) func(*record) bool { return func(r *record) bool { return r.kind == k } }

// calendarShows: the open actions with a target date the reader may read,
// and the meetings: all of them for the committee's members, who need the
// schedule before minutes exist (mb.Reader.CanSeeSchedule), and for anyone
// else the meetings whose minutes they may open.
func calendarTarget(g *generated, v *viewer, url string) target {
	return target{urls: []string{url}, shows: func(r *record) bool { return r.kind == 'A' || r.kind == 'M' },
		admits: func(r *record) bool {
			if r.kind == 'M' && v.rd.Member(g.committee.ID) {
				return true
			}
			return v.admitted(g, r)
		}}
}

var readPaths = []readPath{
	{"minutes page", "IDACEVX", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/committees/GEN/meetings/", "", minutesShows, v)
	}},
	{"public minutes", "IDAEVX", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/public/GEN/", "", func(g *generated, v *viewer, n int) func(*record) bool {
			shows := minutesShows(g, v, n)
			return func(r *record) bool { return g.meetings[n].Status == mb.Published && shows(r) }
		}, v)
	}},
	// The API's actions outstanding carry no notes.
	{"API meeting document", "IDAVX", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/api/v1/committees/GEN/meetings/", "", minutesShows, v)
	}},
	// The PDF is the same document as the Word file, drawn.
	{"minutes as a Word file", "IDAEVX", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/committees/GEN/meetings/", ".docx", minutesShows, v)
	}},
	{"a stored version as a Word file", "IDAEVX", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/committees/GEN/meetings/", "/versions/1.docx", func(g *generated, v *viewer, n int) func(*record) bool {
			m, shows := g.meetings[n], minutesShows(g, v, n)
			return func(r *record) bool {
				return m.Status != mb.Draft && v.rd.CanReadHistory(m, v.recorded(g, n)) && shows(r)
			}
		}, v)
	}},
	{"history and differences", "IDA", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/committees/GEN/meetings/", "/history?from=1&to=current", func(g *generated, v *viewer, n int) func(*record) bool {
			m := g.meetings[n]
			return func(r *record) bool {
				return m.Status != mb.Draft && v.rd.CanReadHistory(m, v.recorded(g, n)) && r.meeting == n
			}
		}, v)
	}},
	// The workspace (issue 14): a form opened in place is the minutes page
	// with its editor, for the secretariat while the minutes may change.
	{"the workspace with a form open", "IDACE", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/committees/GEN/meetings/", "/items/new", func(g *generated, v *viewer, n int) func(*record) bool {
			m, shows := g.meetings[n], minutesShows(g, v, n)
			return func(r *record) bool { return v.rd.CanEditMeeting(g.committee.ID) && m.Editable() && shows(r) }
		}, v)
	}},
	// The attendance form offers the meeting's items for part attendance.
	{"the attendance form's items", "I", func(g *generated, v *viewer) []target {
		return everyMeeting(g, "/committees/GEN/meetings/", "/attendance", func(g *generated, v *viewer, n int) func(*record) bool {
			m := g.meetings[n]
			return func(r *record) bool { return v.rd.CanEditMeeting(g.committee.ID) && m.Editable() && r.meeting == n }
		}, v)
	}},
	{"register of interests", "R", func(g *generated, v *viewer) []target {
		return []target{{urls: []string{"/committees/GEN/interests"}, shows: kind('R')}}
	}},
	{"register", "A", func(g *generated, v *viewer) []target { return pages("/actions?committee=GEN", 22, kind('A')) }},
	{"register CSV", "A", func(g *generated, v *viewer) []target {
		return []target{{urls: []string{"/actions.csv?committee=GEN"}, shows: kind('A')}}
	}},
	{"register API", "A", func(g *generated, v *viewer) []target {
		return pages("/api/v1/actions?committee=GEN&per_page=500", 3, kind('A'))
	}},
	{"action pages", "AEM", func(g *generated, v *viewer) []target { return actionTargets(g, v, "") }},
	{"action API", "AE", func(g *generated, v *viewer) []target { return actionTargets(g, v, "/api/v1") }},
	{"committee calendar", "AM", func(g *generated, v *viewer) []target {
		return []target{calendarTarget(g, v, "/committees/GEN/calendar.ics")}
	}},
	{"personal calendar", "AM", func(g *generated, v *viewer) []target {
		if v.token == "" {
			return nil
		}
		t := calendarTarget(g, v, "/calendar/"+v.token+".ics")
		if len(v.rd.Roles[g.committee.ID]) == 0 {
			t.shows = func(*record) bool { return false } // only the reader's own committees
		}
		return []target{t}
	}},
	// The feed announces the public's minutes and agendas (issue 16): a
	// meeting whose minutes or published agenda the public may read.
	{"Atom feed", "M", func(g *generated, v *viewer) []target {
		return []target{{urls: []string{"/public/GEN/feed.atom"}, shows: kind('M'),
			admits: func(r *record) bool {
				return mb.Anonymous.CanAccess(r.access, false) || mb.Anonymous.CanAccess(r.access.Agenda(g.agendas[r.meeting]), false)
			}}}
	}},
	{"public index", "M", func(g *generated, v *viewer) []target {
		return []target{{urls: []string{"/public/GEN"}, shows: func(r *record) bool { return r.kind == 'M' && g.meetings[r.meeting].Status == mb.Published }}}
	}},
	{"committee page", "M", func(g *generated, v *viewer) []target {
		shows := func(r *record) bool { return r.kind == 'M' && v.rd.SignedIn() }
		return []target{{urls: []string{"/committees/GEN", "/committees/GEN?page=2"}, shows: shows}}
	}},
	{"API meeting list", "M", func(g *generated, v *viewer) []target {
		return []target{{urls: []string{"/api/v1/committees/GEN/meetings"}, shows: kind('M')}}
	}},
	// Search and references (issue 17): every kind, by the reader's rule,
	// items and papers also as their agenda shows them (foundAdmits); the
	// public site's search as the public, whoever asks. Every record's
	// text names MP900, and one of the words searched.
	{"search", "IDACEP", func(g *generated, v *viewer) []target {
		return found(pages("/search?committee=GEN&per_page=500&q="+searchWords, 8, everything), g, v)
	}},
	{"search API", "IDACEP", func(g *generated, v *viewer) []target {
		return found(pages("/api/v1/search?committee=GEN&per_page=500&q="+searchWords, 8, everything), g, v)
	}},
	{"public search", "IDACEP", func(g *generated, v *viewer) []target {
		return found(pages("/public/search?committee=GEN&per_page=500&q="+searchWords, 8, everything), g, &viewer{rd: mb.Anonymous})
	}},
	{"reference page", "IDACEP", func(g *generated, v *viewer) []target {
		return found(pages("/refs/MP900?per_page=500", 8, everything), g, v)
	}},
	{"reference API", "IDACEP", func(g *generated, v *viewer) []target {
		return found(pages("/api/v1/refs/MP900?per_page=500", 8, everything), g, v)
	}},
	// The agenda (issue 16): its items and papers as the agenda shows them,
	// at the agenda's stage (mb.Access.Agenda); a paper is served from its
	// own address and in the meeting pack.
	{"agenda page", "IP", func(g *generated, v *viewer) []target {
		return agendaTargets(g, v, "/committees/GEN/meetings/", "/agenda")
	}},
	{"agenda API", "IP", func(g *generated, v *viewer) []target {
		return agendaTargets(g, v, "/api/v1/committees/GEN/meetings/", "/agenda")
	}},
	{"meeting pack", "P", func(g *generated, v *viewer) []target {
		return agendaTargets(g, v, "/committees/GEN/meetings/", "/pack.zip")
	}},
	{"meeting pack as one PDF", "IP", func(g *generated, v *viewer) []target {
		return agendaTargets(g, v, "/committees/GEN/meetings/", "/pack.pdf")
	}},
	{"paper downloads", "P", func(g *generated, v *viewer) []target {
		var out []target
		for _, p := range g.records {
			if p.kind == 'P' {
				out = append(out, target{urls: []string{p.path}, shows: func(r *record) bool { return r == p }, admits: agendaAdmits(g, v)})
			}
		}
		return out
	}},
	{"messages of minutes circulated and published", "I", func(g *generated, v *viewer) []target {
		return minutesMessages(g, v)
	}},
	// The home page lists the drafts circulated to the reader (and, for the
	// secretariat, its committees' circulated and approved minutes).
	{"home page", "M", func(g *generated, v *viewer) []target {
		in := len(v.rd.Roles[g.committee.ID]) > 0
		return []target{{urls: []string{"/"}, shows: func(r *record) bool {
			st := g.meetings[r.meeting].Status
			return in && r.kind == 'M' && (st == mb.Circulated || st == mb.Approved && v.rd.Secretariat(g.committee.ID))
		}}}
	}},
	{"escalations dashboard's chronic actions", "A", func(g *generated, v *viewer) []target {
		return []target{{urls: []string{"/escalations?chronic=all"}, shows: func(r *record) bool { return r.kind == 'A' && v.rd.OverseesAny() }}}
	}},
}

// agendaTargets are every meeting's agenda (prefix, number, suffix): each
// shows its meeting's items and papers, decided at the agenda's stage.
func agendaTargets(g *generated, v *viewer, prefix, suffix string) []target {
	var out []target
	for _, n := range g.numbers {
		out = append(out, target{urls: []string{prefix + strconv.Itoa(n) + suffix},
			shows: func(r *record) bool { return r.meeting == n }, admits: agendaAdmits(g, v)})
	}
	return out
}

// minutesMessages are the messages composed for the viewer when each of
// GEN's circulated or published minutes was circulated or published
// (notify.Composer.Event): to the committee's members and chair, the
// minutes' items as the reader may read them.
func minutesMessages(g *generated, v *viewer) []target {
	roles := v.rd.Roles[g.committee.ID]
	told := slices.Contains(roles, mb.RoleMember) || slices.Contains(roles, mb.RoleChair)
	var out []target
	for _, n := range g.numbers {
		m := g.meetings[n]
		kind := map[mb.MinutesStatus]mb.NoticeEventKind{mb.Circulated: mb.EventCirculated, mb.Published: mb.EventPublished}[m.Status]
		if kind == "" {
			continue
		}
		out = append(out, target{urls: []string{fmt.Sprintf("the message of GEN %d %s", n, kind)},
			shows: func(r *record) bool { return told && r.kind == 'I' && r.meeting == n },
			read: func() []string {
				if !v.rd.SignedIn() {
					return nil
				}
				notices, err := g.composer.Event(context.Background(), &mb.NoticeEvent{Kind: kind, CommitteeID: g.committee.ID, MeetingID: &m.ID})
				if err != nil {
					panic(err)
				}
				var bodies []string
				for _, n := range notices {
					if n.UserID == v.rd.User.ID && n.Message != nil {
						bodies = append(bodies, n.Message.Subject, n.Message.Text, n.Message.HTML)
					}
				}
				return bodies
			}})
	}
	return out
}

func everything(*record) bool { return true }

// found admits to the targets what the search and a reference's page
// find for v: every record by the reader's rule, an item also when its
// published agenda admits it (while its minutes do not), a paper as its
// agenda shows it.
func found(ts []target, g *generated, v *viewer) []target {
	agenda := agendaAdmits(g, v)
	for i := range ts {
		ts[i].admits = func(r *record) bool {
			switch r.kind {
			case 'P':
				return agenda(r)
			case 'I':
				return v.admitted(g, r) || agenda(r)
			}
			return v.admitted(g, r)
		}
	}
	return ts
}

// agendaAdmits is the reading rule over a record as its meeting's agenda
// shows it (mb.Access.Agenda).
func agendaAdmits(g *generated, v *viewer) func(r *record) bool {
	return func(r *record) bool {
		return v.rd.CanAccess(r.access.Agenda(g.agendas[r.meeting]), v.recorded(g, r.meeting))
	}
}

// actionTargets are the sampled actions' pages (prefix "/api/v1" for the
// API): each shows the action, the notes of its events, and links to the
// meetings it names.
func actionTargets(g *generated, v *viewer, prefix string) []target {
	var out []target
	for _, a := range g.records {
		if a.kind != 'A' || !a.sampled {
			continue
		}
		out = append(out, target{urls: []string{prefix + a.path}, shows: func(r *record) bool {
			if !v.admitted(g, a) {
				return false
			}
			switch r.kind {
			case 'A':
				return r == a
			case 'E':
				return r.action == a.marker
			case 'M':
				if r.meeting == a.meeting {
					return true
				}
				for _, e := range g.records {
					if e.kind == 'E' && e.action == a.marker && e.meeting == r.meeting {
						return true
					}
				}
			}
			return false
		}})
	}
	return out
}

// TestEveryReadPathAgreesWithReader: over generated minutes in every status
// and classification, items and sub-items at every level, readers recorded
// or not, every read path returns exactly the records mb.Reader admits, no
// more and no fewer, for the committee's secretariat, a member, another
// committee's member, a signed-in reader, the public and the parent body's
// chair.
func TestEveryReadPathAgreesWithReader(t *testing.T) {
	if testing.Short() {
		t.Skip("the agreement test reads some 20,000 pages")
	}
	a := newApp(t)
	ctx := context.Background()
	other := otherReader(t, a)
	g := generate(t, a)
	var viewers []*viewer
	for _, key := range []string{"secretariat", "member", other, "non-member", "", "panel-chair"} {
		v := &viewer{key: key, rd: mb.Anonymous, client: a.as(key)}
		if key != "" {
			u, _, err := a.store.UserByEmail(ctx, a.emails[key])
			if err != nil {
				t.Fatal(err)
			}
			if v.rd, err = a.store.Reader(ctx, u); err != nil {
				t.Fatal(err)
			}
			v.token = "agreement-token-" + strconv.FormatInt(u.ID, 10)
			if err := a.store.SetCalendarToken(ctx, u.ID, v.token); err != nil {
				t.Fatal(err)
			}
		}
		viewers = append(viewers, v)
	}
	for _, p := range readPaths {
		t.Run(p.name, func(t *testing.T) {
			admissions := 0
			for _, v := range viewers {
				name := v.key
				if name == "" {
					name = "anonymous"
				}
				targets := p.targets(g, v)
				type fetch struct{ t, u int }
				var fetches []fetch
				bodies := make([][]string, len(targets))
				for i, tg := range targets {
					if tg.read != nil {
						bodies[i] = tg.read()
						continue
					}
					bodies[i] = make([]string, len(tg.urls))
					for j := range tg.urls {
						fetches = append(fetches, fetch{i, j})
					}
				}
				var wg sync.WaitGroup
				work := make(chan fetch)
				for range 4 {
					wg.Go(func() {
						for f := range work {
							bodies[f.t][f.u] = v.client.get(targets[f.t].urls[f.u]).body
						}
					})
				}
				for _, f := range fetches {
					work <- f
				}
				close(work)
				wg.Wait()
				for i, tg := range targets {
					got := map[string]bool{}
					for _, body := range bodies[i] {
						maps.Copy(got, markers(body))
					}
					var missing, extra []string
					for _, r := range g.records {
						if !strings.ContainsRune(p.kinds, rune(r.kind)) {
							continue
						}
						admits := v.admitted(g, r)
						if tg.admits != nil {
							admits = tg.admits(r)
						}
						want := tg.shows(r) && admits
						if want {
							admissions++
						}
						if want && !got[r.marker] {
							missing = append(missing, r.marker)
						}
						if !want && got[r.marker] {
							extra = append(extra, r.marker)
						}
					}
					if len(missing)+len(extra) > 0 {
						t.Errorf("%s as %s: %d records missing %v, %d not admitted %v", tg.urls[0], name, len(missing), head(missing), len(extra), head(extra))
					}
				}
			}
			if admissions == 0 {
				t.Errorf("no reader is admitted to anything %s shows: the test decides nothing", p.name)
			}
		})
	}
}

func head(list []string) string {
	slices.Sort(list)
	if len(list) > 6 {
		return fmt.Sprint(list[:6]) + "…"
	}
	return fmt.Sprint(list)
}
