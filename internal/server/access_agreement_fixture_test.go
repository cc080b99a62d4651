package server_test

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// The generated committee GEN beneath the demo's SEC Panel, for the
// agreement test: minutes in every status and classification, items and
// sub-items at every level or as their document, readers recorded at the
// meeting or not. Every record's text carries a marker ("MKA12" for the
// twelfth action) so that any response can be read for the records it shows.

// record is one generated record: its marker, kind (I item, D decision, A
// action, C comment, E event note, M meeting, P paper, V a decision's vote, X a
// declaration of interest, R the register of interests), the meeting number it is in
// (0 for earlier history) and what the reading rule needs of it.
type record struct {
	marker  string
	kind    byte
	meeting int
	access  mb.Access
	// action is the marker of an event's action.
	action string
	// sampled actions are also opened one by one, at path (a paper is
	// downloaded from its path).
	sampled bool
	path    string
}

// generated is the committee GEN and its records.
type generated struct {
	committee *mb.Committee
	records   []*record
	// meetings by number, with whether the readers were recorded there.
	meetings map[int]*mb.Meeting
	recorded map[int]bool
	// numbers of the meetings, in order.
	numbers []int
	// anchor is the action raised at the first (published CLEAR) meeting,
	// whose events are recorded at every other meeting.
	anchor *mb.Action
	// comments are written by commenter's user.
	commenter int64
	// agendas are the meetings' agendas' states, by number.
	agendas map[int]mb.AgendaStatus
	// composer composes the messages the readers are sent.
	composer *notify.Composer
}

// GEN's meetings: 101, published CLEAR, raises the anchor action; 102–133
// are every status × classification × recorded or not; 140 is published
// CLEAR and lists every earlier action outstanding; 141 approves them.
const (
	genAnchor    = 101
	genReference = 140
	genApprover  = 141
)

var markerRE = regexp.MustCompile(`MK[IDACEMPXR]\d+`)

// voteRE finds a vote: its count for is its marker's number (the counts
// carry no text of their own).
var voteRE = regexp.MustCompile(`voted (\d+) for`)

// markers returns the markers in a response, with a link to one of GEN's
// meetings read as its meeting's marker.
func markers(body string) map[string]bool {
	if strings.HasPrefix(body, "PK") {
		body = zipText(body) // a Word file, a meeting pack
	}
	if strings.HasPrefix(body, "%PDF-") {
		body = pdfText(body)
	}
	body = strings.ReplaceAll(body, "\r\n ", "") // iCalendar folds long lines
	out := map[string]bool{}
	for _, m := range markerRE.FindAllString(body, -1) {
		out[m] = true
	}
	for _, m := range regexp.MustCompile(`/(?:committees/GEN/meetings|public/GEN)/(\d+)[#"]`).FindAllStringSubmatch(body, -1) {
		out["MKM"+m[1]] = true
	}
	for _, m := range voteRE.FindAllStringSubmatch(body, -1) {
		out["MKV"+m[1]] = true
	}
	return out
}

func generate(t *testing.T, a *app) *generated {
	t.Helper()
	b := newMinutesBuilder(t, a)
	ctx, store := b.ctx, a.store
	g := &generated{meetings: map[int]*mb.Meeting{}, recorded: map[int]bool{}, agendas: map[int]mb.AgendaStatus{}, composer: &notify.Composer{Store: a.store}}
	panel, err := store.CommitteeByCode(ctx, "PANEL")
	if err != nil {
		t.Fatal(err)
	}
	g.committee = &mb.Committee{Code: "GEN", Name: "Generated Group", ParentID: &panel.ID, Categories: []string{"Members"}, EscalationThreshold: 15}
	if err := store.CreateCommittee(ctx, g.committee); err != nil {
		t.Fatal(err)
	}
	b.opsg = g.committee
	people := map[string]int64{}
	for key, email := range a.emails {
		u, _, err := store.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		people[key] = u.PersonID
		if key == "member" {
			g.commenter = u.ID
		}
	}
	for key, role := range map[string]mb.MemberRole{"secretariat": mb.RoleSecretariat, "member": mb.RoleMember} {
		m := &mb.Membership{CommitteeID: g.committee.ID, PersonID: people[key], Role: role, From: day(2020, 1, 1)}
		if role == mb.RoleMember {
			m.Category = "Members"
		}
		if err := store.CreateMembership(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	mark := func(kind byte) string { n++; return fmt.Sprintf("MK%c%d", kind, n) }
	add := func(r *record) *record { g.records = append(g.records, r); return r }
	date := day(2024, 1, 1)
	meeting := func(number int, level mb.Classification) *mb.Meeting {
		date = date.AddDate(0, 0, 7)
		m := &mb.Meeting{CommitteeID: g.committee.ID, Number: number, Kind: mb.MainMeeting, Date: date,
			Venue: fmt.Sprintf("MKM%d", number), Classification: level, Status: mb.Draft}
		if err := store.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		m.CommitteeCode = "GEN"
		g.meetings[number], g.numbers = m, append(g.numbers, number)
		return m
	}
	type combo struct {
		m        *mb.Meeting
		status   mb.MinutesStatus
		level    mb.Classification
		recorded bool
	}
	anchor := meeting(genAnchor, mb.Clear)
	g.anchor = b.action(b.item(anchor, nil, "Anchor", 0), mark('A')+" the anchor action on MP900.", day(2024, 2, 1))
	add(&record{marker: markerRE.FindString(g.anchor.Text), kind: 'A', meeting: genAnchor, sampled: true, path: actionPath(g.anchor),
		access: mb.Access{CommitteeID: g.committee.ID, MeetingID: anchor.ID, Stage: mb.Published, Level: mb.Clear}})
	earlier := b.earlier(50, day(2020, 1, 10), mark('A')+" from earlier history, MP900.", day(2020, 2, 1))
	earlier.CommitteeCode = "GEN"
	add(&record{marker: markerRE.FindString(earlier.Text), kind: 'A', sampled: true, path: actionPath(earlier), access: mb.EarlierAccess(g.committee.ID)})
	var combos []combo
	number := 101
	// An item's own level is above CLEAR, or none (as its document).
	levels := []mb.Classification{0, mb.Green, mb.Amber, mb.Red}
	// paper adds a paper of the meeting (of the item when given) at the
	// level, a text file carrying its marker.
	paper := func(m *mb.Meeting, item *mb.Item, level mb.Classification, a mb.Access) {
		marker := mark('P')
		v, err := store.PutPaperFile(ctx, &mb.PaperUpload{Filename: marker + ".txt", ContentType: "text/plain; charset=utf-8",
			Body: strings.NewReader("The paper " + marker + ".")})
		if err != nil {
			t.Fatal(err)
		}
		p := &mb.Paper{MeetingID: m.ID, Title: "Paper " + marker + ", a report on MP900", Reference: fmt.Sprintf("GEN_%d_%d", m.Number, n), Classification: level}
		if item != nil {
			p.ItemID = &item.ID
		}
		if err := store.CreatePaper(ctx, p, v); err != nil {
			t.Fatal(err)
		}
		add(&record{marker: marker, kind: 'P', meeting: m.Number, access: a.Within(level),
			path: "/committees/GEN/meetings/" + strconv.Itoa(m.Number) + "/papers/" + strconv.FormatInt(p.ID, 10)})
	}
	for si, st := range mb.MinutesStatuses {
		for li, level := range mb.Classifications {
			for _, rec := range []bool{false, true} {
				number++
				// Written CLEAR, so that its items may carry any level
				// above it, then given its level (a document reclassified).
				m := meeting(number, mb.Clear)
				combos = append(combos, combo{m, st, level, rec})
				g.recorded[number] = rec
				if rec {
					for key, p := range people {
						if key != "admin" {
							if _, err := store.Pool().Exec(ctx, `INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, 'present')`, m.ID, p); err != nil {
								t.Fatal(err)
							}
						}
					}
				}
				doc := (&mb.Meeting{ID: m.ID, CommitteeID: g.committee.ID, Status: st, Classification: level}).Access()
				add(&record{marker: m.Venue, kind: 'M', meeting: number, access: doc})
				own := mb.Classifications[number%len(mb.Classifications)]
				paper(m, nil, own, doc)
				for _, top := range levels {
					item := func(parent *mb.Item, level mb.Classification, a mb.Access, sampled bool) *mb.Item {
						marker := mark('I')
						it := b.item(m, parent, "Business "+marker+" on MP900", level)
						add(&record{marker: marker, kind: 'I', meeting: number, access: a})
						// A paper at least as its item, of every level over the items.
						least := level
						if parent != nil {
							least = max(least, top)
						}
						paper(m, it, max(least, mb.Classifications[n%len(mb.Classifications)]), a)
						d := &mb.Decision{ItemID: it.ID, Kind: "NOTED", Text: mark('D') + " the report on MP900"}
						if err := store.CreateDecision(ctx, d); err != nil {
							t.Fatal(err)
						}
						add(&record{marker: markerRE.FindString(d.Text), kind: 'D', meeting: number, access: a})
						// Its vote and a declaration in the item, written as
						// the importer writes them (the declarer need not be
						// recorded here): they are read with their item.
						n++
						if _, err := store.Pool().Exec(ctx, `INSERT INTO decision_votes (decision_id, votes_for, votes_against, abstentions) VALUES ($1, $2, 0, 0)`, d.ID, n); err != nil {
							t.Fatal(err)
						}
						add(&record{marker: fmt.Sprintf("MKV%d", n), kind: 'V', meeting: number, access: a})
						declared := mark('X')
						if _, err := store.Pool().Exec(ctx, `INSERT INTO declarations (item_id, person_id, nature, effect, position) VALUES ($1, $2, $3, 'took_part', 1)`,
							it.ID, people["member"], "A consultancy "+declared); err != nil {
							t.Fatal(err)
						}
						add(&record{marker: declared, kind: 'X', meeting: number, access: a})
						act := b.action(it, mark('A')+" to report on MP900.", m.Date.AddDate(0, 1, 0))
						add(&record{marker: markerRE.FindString(act.Text), kind: 'A', meeting: number, access: a, sampled: sampled, path: actionPath(act)})
						return it
					}
					ta := doc.Within(top)
					parent := item(nil, top, ta, true)
					for _, sub := range levels {
						item(parent, sub, ta.Within(sub), sub == 0 || sub == mb.Red)
					}
				}
				// Half the agendas are published, over every status and level.
				g.agendas[number] = mb.AgendaDraft
				if (si+li)%2 == 0 {
					if err := store.PublishAgenda(ctx, m.ID); err != nil {
						t.Fatal(err)
					}
					g.agendas[number] = mb.AgendaPublished
				}
				// A note on the anchor action recorded at this meeting.
				note := mark('E') + " noted here on MP900."
				fresh, err := store.Action(ctx, g.anchor.ID)
				if err != nil {
					t.Fatal(err)
				}
				if err := store.RecordActionChange(ctx, &mb.ActionChange{ActionID: g.anchor.ID, Version: fresh.Version, Kind: mb.ActionEventUpdate, MeetingID: &m.ID, Note: note}); err != nil {
					t.Fatal(err)
				}
				add(&record{marker: markerRE.FindString(note), kind: 'E', meeting: number, access: doc, action: markerRE.FindString(g.anchor.Text)})
				saved, err := store.Meeting(ctx, m.ID)
				if err != nil {
					t.Fatal(err)
				}
				if saved.Classification = level; level != mb.Clear {
					if err := store.UpdateMeeting(ctx, saved); err != nil {
						t.Fatal(err)
					}
				}
				g.meetings[number] = saved
			}
		}
	}
	reference := meeting(genReference, mb.Clear)
	b.item(reference, nil, "Actions Outstanding", 0)
	approver := meeting(genApprover, mb.Clear)
	add(&record{marker: reference.Venue, kind: 'M', meeting: genReference,
		access: mb.Access{CommitteeID: g.committee.ID, MeetingID: reference.ID, Stage: mb.Published, Level: mb.Clear}})
	add(&record{marker: anchor.Venue, kind: 'M', meeting: genAnchor,
		access: mb.Access{CommitteeID: g.committee.ID, MeetingID: anchor.ID, Stage: mb.Published, Level: mb.Clear}})
	add(&record{marker: approver.Venue, kind: 'M', meeting: genApprover,
		access: mb.Access{CommitteeID: g.committee.ID, MeetingID: approver.ID, Stage: mb.Draft, Level: mb.Clear}})

	// The register of interests: a standing declaration, as the register
	// is classified (AMBER unless the committee publishes it).
	interest := mark('R')
	if err := store.CreateInterest(ctx, &mb.Interest{CommitteeID: g.committee.ID, PersonID: people["member"], Nature: "Director of " + interest, From: day(2023, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if g.committee, err = store.Committee(ctx, g.committee.ID); err != nil {
		t.Fatal(err)
	}
	add(&record{marker: interest, kind: 'R', access: g.committee.InterestsAccess()})

	// The lifecycle, with the member's comments while each draft is circulated.
	member, _, err := store.UserByEmail(ctx, a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	commenting := mb.NewContextWithActor(context.Background(), member)
	b.publish(anchor, approver)
	for _, c := range combos {
		if c.status == mb.Draft {
			continue
		}
		b.circulate(c.m)
		items, err := store.Items(ctx, c.m.ID)
		if err != nil {
			t.Fatal(err)
		}
		var list []*mb.Item
		for _, it := range items {
			list = append(list, it)
			list = append(list, it.Children...)
		}
		for _, it := range list {
			marker := mark('C')
			if err := store.AddComment(commenting, &mb.Comment{MeetingID: c.m.ID, ItemID: &it.ID, Body: "Please amend " + marker + " for MP900."}); err != nil {
				t.Fatal(err)
			}
			add(&record{marker: marker, kind: 'C', meeting: c.m.Number, access: it.Access})
		}
		if c.status == mb.Circulated {
			continue
		}
		if err := store.Approve(ctx, postgres.Approval{MeetingID: c.m.ID, ApprovedAt: approver.ID}); err != nil {
			t.Fatal(err)
		}
		if c.status == mb.Published {
			if err := store.Publish(ctx, c.m.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	b.publish(reference, approver)
	for _, c := range combos {
		g.meetings[c.m.Number].Status = c.status
	}
	for _, num := range []int{genAnchor, genReference} {
		g.meetings[num].Status = mb.Published
	}
	return g
}

// otherReader adds a member of TABASC, another committee, and returns its key.
func otherReader(t *testing.T, a *app) string {
	t.Helper()
	ctx := context.Background()
	hash, err := password.Hash(testPassword, password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	org, err := a.store.EnsureOrganisation(ctx, "Other Org")
	if err != nil {
		t.Fatal(err)
	}
	u, err := a.store.CreateUser(ctx, postgres.NewUser{Email: "olive.other@example.org", Name: "Olive Other", OrganisationID: &org.ID, PasswordHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	tabasc, err := a.store.CommitteeByCode(ctx, "TABASC")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.store.CreateMembership(ctx, &mb.Membership{CommitteeID: tabasc.ID, PersonID: u.PersonID, Role: mb.RoleMember,
		Category: tabasc.Categories[0], From: day(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	a.emails["other"] = u.Email
	return "other"
}

// zipText is every file of a zip archive, one after another.
func zipText(body string) string {
	z, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		_, _ = io.Copy(&b, rc)
		rc.Close()
	}
	return b.String()
}

// pdfText is a PDF's text, by pdftotext (poppler-utils, as the export
// tests read PDFs); "" when it cannot be read.
func pdfText(body string) string {
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = strings.NewReader(body)
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// actionPath is the address of the action's page.
func actionPath(a *mb.Action) string {
	return "/actions/" + a.CommitteeCode + "/" + strconv.Itoa(a.MeetingNumber) + "/" + fmt.Sprintf("%02d", a.Sequence)
}
