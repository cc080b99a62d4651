package postgres_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// searchFixture is the minutes fixture with its 105th meeting's items
// written from texts, and the meeting published.
type searchFixture struct {
	*minutesFixture
	s     *postgres.Store
	items map[string]*mb.Item
}

func newSearchFixture(t *testing.T, items map[string][2]string) *searchFixture {
	t.Helper()
	s := mustOpen(t)
	f := &searchFixture{minutesFixture: newMinutesFixture(t, s), s: s, items: map[string]*mb.Item{}}
	for _, key := range slices.Sorted(mapKeys(items)) {
		it := &mb.Item{MeetingID: f.m105.ID, Title: items[key][0], Minute: items[key][1]}
		if err := s.CreateItem(context.Background(), it); err != nil {
			t.Fatal(err)
		}
		f.items[key] = it
	}
	return f
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (f *searchFixture) publish(t *testing.T, m *mb.Meeting) {
	t.Helper()
	if _, err := f.s.Pool().Exec(context.Background(), `UPDATE meetings SET minutes_status = 'published' WHERE id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
}

// search returns the titles of the hits, in order.
func (f *searchFixture) search(t *testing.T, rd *mb.Reader, sf mb.SearchFilter) ([]string, mb.SearchResults) {
	t.Helper()
	res, err := f.s.Search(context.Background(), rd, sf)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, h := range res.Hits {
		titles = append(titles, strings.NewReplacer(mb.MarkStart, "", mb.MarkEnd, "").Replace(h.Title))
	}
	return titles, res
}

var admin = &mb.Reader{User: &mb.User{ID: 1, Admin: true}}

// TestSearchRanking: a word in a title ranks above the same word in the
// text beneath, and twice above once; sorted by date, the newest first.
func TestSearchRanking(t *testing.T) {
	f := newSearchFixture(t, map[string][2]string{
		"a": {"Finance report", "The incident was raised once."},
		"b": {"Incident review", "Nothing else."},
		"c": {"Operations", "The incident, and a second incident, and a third incident."},
	})
	got, res := f.search(t, admin, mb.SearchFilter{Query: "incident"})
	if want := []string{"Incident review", "Operations", "Finance report"}; !slices.Equal(got, want) {
		t.Errorf("ranked %v, want %v", got, want)
	}
	if res.Total != 3 {
		t.Errorf("total %d, want 3", res.Total)
	}
	later := &mb.Item{MeetingID: f.m106.ID, Title: "Late note", Minute: "An incident."}
	if err := f.s.CreateItem(context.Background(), later); err != nil {
		t.Fatal(err)
	}
	got, _ = f.search(t, admin, mb.SearchFilter{Query: "incident", Sort: mb.SortDate})
	if got[0] != "Late note" {
		t.Errorf("by date %v: the 106th meeting's item is not first", got)
	}
	// Paging: one hit a page, the count of all on each.
	got, res = f.search(t, admin, mb.SearchFilter{Query: "incident", Limit: 1, Offset: 1})
	if len(got) != 1 || res.Total != 4 {
		t.Errorf("page 2 of 1: %v of %d", got, res.Total)
	}
}

// TestSearchNewestFollowMeetingDates: each kind's newest matches are
// those of the latest meetings by date, kept on the records (migration
// 0037): a meeting moved to another day moves its records in the order,
// and their dates shown, in the statement that moves it.
func TestSearchNewestFollowMeetingDates(t *testing.T) {
	f := newSearchFixture(t, map[string][2]string{"a": {"Earlier survey", "The survey of the 105th."}})
	later := &mb.Item{MeetingID: f.m106.ID, Title: "Later survey", Minute: "The survey of the 106th."}
	if err := f.s.CreateItem(context.Background(), later); err != nil {
		t.Fatal(err)
	}
	newest := mb.SearchFilter{Query: "survey", Kinds: []mb.SearchKind{mb.KindItem}, Sort: mb.SortDate, Limit: 1}
	got, res := f.search(t, admin, newest)
	if !slices.Equal(got, []string{"Later survey"}) || !res.Hits[0].Date.Equal(f.m106.Date) {
		t.Fatalf("the newest of two: %v (%+v)", got, res.Hits)
	}
	moved := f.m105.Date.AddDate(0, 0, -30)
	if _, err := f.s.Pool().Exec(context.Background(), `UPDATE meetings SET date = $2 WHERE id = $1`, f.m106.ID, moved); err != nil {
		t.Fatal(err)
	}
	got, _ = f.search(t, admin, newest)
	if !slices.Equal(got, []string{"Earlier survey"}) {
		t.Errorf("after the 106th moved before the 105th, the newest is %v", got)
	}
	// With one candidate of each kind, the one kept is the newest.
	f.s.SetSearchCandidates(1)
	got, res = f.search(t, admin, mb.SearchFilter{Query: "survey", Kinds: []mb.SearchKind{mb.KindItem}, Limit: 1})
	if !slices.Equal(got, []string{"Earlier survey"}) || !res.More {
		t.Errorf("one candidate: %v (more %v)", got, res.More)
	}
	_, res = f.search(t, admin, mb.SearchFilter{Query: "later", Kinds: []mb.SearchKind{mb.KindItem}})
	if len(res.Hits) != 1 || !res.Hits[0].Date.Equal(moved) {
		t.Errorf("the moved meeting's item: %+v", res.Hits)
	}
	var drift int
	if err := f.s.Pool().QueryRow(context.Background(), `SELECT count(*) FROM access_drift`).Scan(&drift); err != nil || drift != 0 {
		t.Errorf("%d records' facts differ from their definition (%v)", drift, err)
	}
}

// TestSearchSyntax: websearch syntax ("a phrase", OR, -word) and English
// stemming, and text PostgreSQL cannot parse as a query finds nothing
// rather than failing.
func TestSearchSyntax(t *testing.T) {
	f := newSearchFixture(t, map[string][2]string{
		"a": {"Smart meter rollout", "The rollout of smart meters continued."},
		"b": {"Meter readings", "Readings from the smart grid and the meter."},
		"c": {"Incidents", "Two incidents were resolved."},
	})
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{`"smart meters"`, []string{"Smart meter rollout"}},
		{`smart meter`, []string{"Meter readings", "Smart meter rollout"}},
		{`smart -rollout`, []string{"Meter readings"}},
		{`rollout OR incident`, []string{"Incidents", "Smart meter rollout"}},
		{`resolving`, []string{"Incidents"}},
		{`"unclosed & | !`, nil},
		{``, nil},
	} {
		got, _ := f.search(t, admin, mb.SearchFilter{Query: tt.query})
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q found %v, want %v", tt.query, got, tt.want)
		}
	}
}

// TestSearchSnippetsAndFilters: the snippet marks the words matched around
// them; the filters (kind, decision word, action status, committee, dates)
// narrow; the public finds only published CLEAR minutes, and their count
// and snippets hold nothing else.
func TestSearchSnippetsAndFilters(t *testing.T) {
	ctx := context.Background()
	f := newSearchFixture(t, map[string][2]string{
		"a": {"Category 1 incidents", "The DCC reported that the outage lasted four hours, after which the incident was closed."},
	})
	it := f.items["a"]
	d := &mb.Decision{ItemID: it.ID, Kind: "AGREED", Text: "to review the incident at the next meeting"}
	if err := f.s.CreateDecision(ctx, d); err != nil {
		t.Fatal(err)
	}
	a := &mb.Action{CommitteeID: f.committee.ID, RaisedMeetingID: &f.m105.ID, MeetingNumber: 105, ItemID: &it.ID, RaisedOn: f.m105.Date,
		Text: "DCC to report the incident's root cause.", OwnerID: f.dcc.ID}
	if err := f.s.RaiseAction(ctx, a); err != nil {
		t.Fatal(err)
	}
	secret := &mb.Item{MeetingID: f.m106.ID, Title: "Draft incident", Minute: "Not for the public."}
	if err := f.s.CreateItem(ctx, secret); err != nil {
		t.Fatal(err)
	}
	_, res := f.search(t, admin, mb.SearchFilter{Query: "incident", Kinds: []mb.SearchKind{mb.KindItem}})
	if res.Total != 2 {
		t.Fatalf("%d items, want 2", res.Total)
	}
	var snippet string
	for _, h := range res.Hits {
		if h.ID == it.ID {
			snippet = h.Snippet
		}
	}
	if !strings.Contains(snippet, mb.MarkStart+"incident"+mb.MarkEnd) || strings.Contains(snippet, mb.MarkStart+"outage") {
		t.Errorf("snippet %q does not mark the incident alone", snippet)
	}
	count := func(rd *mb.Reader, sf mb.SearchFilter) int {
		_, res := f.search(t, rd, sf)
		return res.Total
	}
	from, to := f.m106.Date, f.m106.Date
	for name, tt := range map[string]struct {
		f    mb.SearchFilter
		want int
	}{
		"every kind":      {mb.SearchFilter{Query: "incident"}, 4},
		"decisions":       {mb.SearchFilter{Query: "incident", Kinds: []mb.SearchKind{mb.KindDecision}}, 1},
		"AGREED":          {mb.SearchFilter{Query: "incident", DecisionWord: "agreed"}, 1},
		"NOTED":           {mb.SearchFilter{Query: "incident", DecisionWord: "NOTED"}, 0},
		"open actions":    {mb.SearchFilter{Query: "incident", ActionStatus: "open"}, 1},
		"closed actions":  {mb.SearchFilter{Query: "incident", ActionStatus: "closed"}, 0},
		"other committee": {mb.SearchFilter{Query: "incident", CommitteeID: new(int64)}, 0},
		"dates":           {mb.SearchFilter{Query: "incident", From: &from, To: &to}, 1},
	} {
		if got := count(admin, tt.f); got != tt.want {
			t.Errorf("%s: %d hits, want %d", name, got, tt.want)
		}
	}
	if got := count(mb.Anonymous, mb.SearchFilter{Query: "incident"}); got != 0 {
		t.Errorf("the public finds %d in draft minutes", got)
	}
	f.publish(t, f.m105)
	_, res = f.search(t, mb.Anonymous, mb.SearchFilter{Query: "incident OR public"})
	if res.Total != 3 {
		t.Errorf("the public finds %d, want the published item, decision and action", res.Total)
	}
	for _, h := range res.Hits {
		if strings.Contains(h.Snippet, "public") || h.ID == secret.ID && h.Kind == mb.KindItem {
			t.Errorf("the public sees the draft: %+v", h)
		}
	}
	_ = time.Now
}

// TestReferencesExtractedOnWrite: the committees' references and the
// installation's patterns are found in every text on write, with their
// sentence, and kept current when the text changes; a committee reference
// of no committee is not one; a changed pattern finds every text again.
func TestReferencesExtractedOnWrite(t *testing.T) {
	ctx := context.Background()
	f := newSearchFixture(t, map[string][2]string{
		"a": {"MP242 update", "Incident INC000001076111 was raised. It follows OPSG 105/01 and risk OPSG-006, see OPSG_105_2310.\n" +
			"CPM 3A and CPM4 fell below target. XYZ 1/01 is no committee's; nor is MP242X a modification; DP12 is."},
	})
	mentions := func() map[string]string {
		rows, err := f.s.Pool().Query(ctx, `SELECT reference, sentence FROM mentions WHERE source = 'agenda_items' AND source_id = $1`, f.items["a"].ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var ref, sentence string
			if err := rows.Scan(&ref, &sentence); err != nil {
				t.Fatal(err)
			}
			out[ref] = sentence
		}
		return out
	}
	got := mentions()
	want := []string{"CPM 3A", "CPM4", "DP12", "INC000001076111", "MP242", "OPSG 105/01", "OPSG-006", "OPSG_105_2310"}
	if keys := slices.Sorted(mapKeys(got)); !slices.Equal(keys, want) {
		t.Errorf("references %v, want %v", keys, want)
	}
	if s := got["INC000001076111"]; s != "Incident INC000001076111 was raised." {
		t.Errorf("sentence %q", s)
	}
	if s := got["OPSG-006"]; !strings.HasPrefix(s, "It follows OPSG 105/01") {
		t.Errorf("sentence %q", s)
	}
	for query, want := range map[string]string{"opsg 105/01": "OPSG 105/01", " INC000001076111 ": "INC000001076111", "CPM  3A": "CPM 3A", "incident": "", "XYZ 1/01": "", "MP242 and MP243": ""} {
		ref, ok, err := f.s.ReferenceOf(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		if ref != want || ok != (want != "") {
			t.Errorf("ReferenceOf(%q) = %q, %v; want %q", query, ref, ok, want)
		}
	}
	it := f.items["a"]
	it.Minute = "Only MP300 now."
	if err := f.s.UpdateItem(ctx, it); err != nil {
		t.Fatal(err)
	}
	if keys := slices.Sorted(mapKeys(mentions())); !slices.Equal(keys, []string{"MP242", "MP300"}) {
		t.Errorf("after the edit %v", keys)
	}
	if err := f.s.SetReferencePatterns(ctx, []mb.ReferencePattern{{Pattern: "(", Label: "broken"}}); mb.ErrorCode(err) != mb.EINVALID {
		t.Errorf("a broken pattern: %v", err)
	}
	if err := f.s.SetReferencePatterns(ctx, []mb.ReferencePattern{{Pattern: `UPD\d+`, Label: "Update"}}); err != nil {
		t.Fatal(err)
	}
	it.Minute = "UPD7 and MP300."
	if err := f.s.UpdateItem(ctx, it); err != nil {
		t.Fatal(err)
	}
	if keys := slices.Sorted(mapKeys(mentions())); !slices.Equal(keys, []string{"UPD7"}) {
		t.Errorf("under the new pattern %v", keys)
	}
	patterns, err := f.s.ReferencePatterns(ctx)
	if err != nil || len(patterns) != 1 || patterns[0].Pattern != `UPD\d+` {
		t.Errorf("patterns %v, %v", patterns, err)
	}
}

// TestReferenceHistory: a modification raised at the OPSG and decided at
// the Panel: its mentions in date order with their meetings, the
// decisions and actions of their items, and the timeline's legs.
func TestReferenceHistory(t *testing.T) {
	ctx := context.Background()
	f := newSearchFixture(t, map[string][2]string{"a": {"Modifications", "MP242 was raised by the DCC."}})
	panel := &mb.Committee{Code: "PANEL", Name: "SEC Panel", EscalationThreshold: 15, DecisionVocabulary: mb.DefaultDecisionVocabulary}
	if err := f.s.CreateCommittee(ctx, panel); err != nil {
		t.Fatal(err)
	}
	pm := &mb.Meeting{CommitteeID: panel.ID, Number: 300, Kind: mb.MainMeeting, Date: f.m105.Date.AddDate(0, 0, 10), Classification: mb.Clear}
	if err := f.s.CreateMeeting(ctx, pm); err != nil {
		t.Fatal(err)
	}
	pi := &mb.Item{MeetingID: pm.ID, Title: "MP242 decision", Minute: "The Panel considered MP242."}
	if err := f.s.CreateItem(ctx, pi); err != nil {
		t.Fatal(err)
	}
	if err := f.s.CreateDecision(ctx, &mb.Decision{ItemID: pi.ID, Kind: "APPROVED", Text: "the modification"}); err != nil {
		t.Fatal(err)
	}
	back := &mb.Item{MeetingID: f.m106.ID, Title: "Implementation", Minute: "MP242 is to be implemented."}
	if err := f.s.CreateItem(ctx, back); err != nil {
		t.Fatal(err)
	}
	a := &mb.Action{CommitteeID: f.committee.ID, RaisedMeetingID: &f.m106.ID, MeetingNumber: 106, ItemID: &back.ID, RaisedOn: f.m106.Date,
		Text: "DCC to plan the release.", OwnerID: f.dcc.ID}
	if err := f.s.RaiseAction(ctx, a); err != nil {
		t.Fatal(err)
	}
	h, err := f.s.ReferenceHistory(ctx, admin, "MP242", 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range h.Mentions {
		got = append(got, m.CommitteeCode+" "+m.Sentence)
	}
	want := []string{"OPSG MP242 was raised by the DCC.", "PANEL MP242 decision", "PANEL The Panel considered MP242.", "OPSG MP242 is to be implemented."}
	if !slices.Equal(got, want) || h.Total != 4 {
		t.Errorf("mentions %q (%d), want %q", got, h.Total, want)
	}
	if len(h.Decisions) != 1 || h.Decisions[0].Kind != "APPROVED" || h.Decisions[0].CommitteeCode != "PANEL" {
		t.Errorf("decisions %+v", h.Decisions)
	}
	if len(h.Actions) != 1 || h.Actions[0].Reference() != "OPSG 106/01" {
		t.Errorf("actions %+v", h.Actions)
	}
	var legs []string
	for _, s := range h.Timeline {
		legs = append(legs, s.CommitteeCode)
	}
	if !slices.Equal(legs, []string{"OPSG", "PANEL", "OPSG"}) {
		t.Errorf("timeline %v", legs)
	}
	anon, err := f.s.ReferenceHistory(ctx, mb.Anonymous, "MP242", 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	if anon.Total != 0 || len(anon.Timeline) != 0 || len(anon.Decisions) != 0 {
		t.Errorf("the public reads draft mentions: %+v", anon)
	}
	refs, err := f.s.MeetingReferences(ctx, f.m106.ID)
	if err != nil || !slices.Equal(refs, []string{"MP242"}) {
		t.Errorf("meeting references %v, %v", refs, err)
	}
}

// hitKinds are the hits' kinds and titles: "paper OPSG_105_05 Draft …".
func hitKinds(res mb.SearchResults) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, string(h.Kind)+" "+strings.NewReplacer(mb.MarkStart, "", mb.MarkEnd, "").Replace(h.Title))
	}
	return out
}

// epoch is the committee's minutes epoch (migration 0013).
func (f *searchFixture) epoch(t *testing.T) int64 {
	t.Helper()
	var n int64
	if err := f.s.Pool().QueryRow(context.Background(), `SELECT minutes_epoch FROM committees WHERE id = $1`, f.committee.ID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSearchFindsPapers: a paper is found by the words of its title and
// by its reference, with its item's title beneath; it mentions its own
// document reference and what its title names; the public finds it once
// its agenda is published, as the agenda's rule decides.
func TestSearchFindsPapers(t *testing.T) {
	ctx := context.Background()
	f := newSearchFixture(t, map[string][2]string{})
	it := addAgendaItem(t, f.s, f.m106, "Modification proposals", mb.AgendaEntry{})
	before := f.epoch(t)
	p := addPaper(t, f.s, f.m106, it, "OPSG_106_05", mb.Clear)
	if f.epoch(t) == before {
		t.Error("a new paper leaves the committee's epoch: servers keep searches that miss it")
	}
	p.Title = "Draft legal text for MP123"
	if _, err := f.s.Pool().Exec(ctx, `UPDATE papers SET title = $2 WHERE id = $1`, p.ID, p.Title); err != nil {
		t.Fatal(err)
	}
	for _, query := range []string{"legal texts", "OPSG_106_05", "mp123"} {
		_, res := f.search(t, admin, mb.SearchFilter{Query: query})
		if got := hitKinds(res); !slices.Equal(got, []string{"paper OPSG_106_05 Draft legal text for MP123"}) {
			t.Errorf("%q finds %v", query, got)
			continue
		}
		if h := res.Hits[0]; h.ID != p.ID || h.MeetingNumber != 106 || h.ItemID == nil || *h.ItemID != it.ID ||
			strings.NewReplacer(mb.MarkStart, "", mb.MarkEnd, "").Replace(h.Snippet) != "Modification proposals" {
			t.Errorf("%q: hit %+v", query, h)
		}
	}
	for _, ref := range []string{"OPSG_106_05", "MP123"} {
		h, err := f.s.ReferenceHistory(ctx, admin, ref, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Mentions) != 1 || h.Mentions[0].Kind != mb.KindPaper || h.Mentions[0].ID != p.ID ||
			h.Mentions[0].Sentence != "OPSG_106_05 Draft legal text for MP123" || h.Mentions[0].ItemTitle != "Modification proposals" {
			t.Errorf("%s: mentions %+v", ref, h.Mentions)
		}
	}
	// Draft minutes, draft agenda: the public finds nothing; published, the
	// CLEAR paper is the public's.
	if _, res := f.search(t, mb.Anonymous, mb.SearchFilter{Query: "legal"}); res.Total != 0 {
		t.Errorf("the public finds the paper of a draft agenda: %v", hitKinds(res))
	}
	if err := f.s.PublishAgenda(ctx, f.m106.ID); err != nil {
		t.Fatal(err)
	}
	if _, res := f.search(t, mb.Anonymous, mb.SearchFilter{Query: "legal", Kinds: []mb.SearchKind{mb.KindPaper}}); res.Total != 1 {
		t.Errorf("the public does not find the paper of a published agenda: %v", hitKinds(res))
	}
	// The mentions follow the title.
	if _, err := f.s.Pool().Exec(ctx, `UPDATE papers SET title = 'Final legal text' WHERE id = $1`, p.ID); err != nil {
		t.Fatal(err)
	}
	if h, err := f.s.ReferenceHistory(ctx, admin, "MP123", 50, 0); err != nil || h.Total != 0 {
		t.Errorf("MP123 after the retitle: %+v, %v", h, err)
	}
}

// TestSearchFindsItemsOfPublishedAgendas: a member finds an item of a
// published agenda by its title before its minutes are out, never by its
// minute's words nor a draft agenda's items; once the minutes are
// published it is found as an item of the minutes, once.
func TestSearchFindsItemsOfPublishedAgendas(t *testing.T) {
	ctx := context.Background()
	f := newSearchFixture(t, map[string][2]string{})
	member := &mb.Reader{User: &mb.User{ID: 50, PersonID: 50}, Roles: map[int64][]mb.MemberRole{f.committee.ID: {mb.RoleMember}}}
	it := addAgendaItem(t, f.s, f.m106, "Smart meter rollout on MP500", mb.AgendaEntry{Purpose: mb.ForDecision})
	addAgendaItem(t, f.s, f.m105, "Rollout of the draft agenda", mb.AgendaEntry{})
	if _, err := f.s.Pool().Exec(ctx, `UPDATE agenda_items SET minute = 'The confidential tariff for MP500 was agreed.' WHERE id = $1`, it.ID); err != nil {
		t.Fatal(err)
	}
	if _, res := f.search(t, member, mb.SearchFilter{Query: "rollout"}); res.Total != 0 {
		t.Errorf("a member finds the items of draft agendas and minutes: %v", hitKinds(res))
	}
	before := f.epoch(t)
	if err := f.s.PublishAgenda(ctx, f.m106.ID); err != nil {
		t.Fatal(err)
	}
	if f.epoch(t) == before {
		t.Error("publishing the agenda leaves the committee's epoch: servers keep searches that miss its items")
	}
	_, res := f.search(t, member, mb.SearchFilter{Query: "rollout"})
	if got := hitKinds(res); !slices.Equal(got, []string{"agenda Smart meter rollout on MP500"}) {
		t.Errorf("a member finds %v", got)
	} else if h := res.Hits[0]; h.ID != it.ID || h.ItemNumber != "1" || h.Snippet != "For decision" || h.MeetingNumber != 106 {
		t.Errorf("the agenda's hit %+v", h)
	}
	if _, res := f.search(t, member, mb.SearchFilter{Query: "tariff"}); res.Total != 0 {
		t.Errorf("the minute of an item not out is found: %v", hitKinds(res))
	}
	h, err := f.s.ReferenceHistory(ctx, member, "MP500", 50, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Mentions) != 1 || h.Mentions[0].Kind != mb.KindAgenda || h.Mentions[0].Sentence != "Smart meter rollout on MP500" || h.Mentions[0].ItemNumber != "1" {
		t.Errorf("mentions of MP500 on the agenda: %+v", h.Mentions)
	}
	f.publish(t, f.m106)
	if _, res := f.search(t, member, mb.SearchFilter{Query: "rollout OR tariff"}); !slices.Equal(hitKinds(res), []string{"item Smart meter rollout on MP500"}) {
		t.Errorf("with the minutes published: %v", hitKinds(res))
	}
	if h, err := f.s.ReferenceHistory(ctx, member, "MP500", 50, 0); err != nil || h.Total != 2 || h.Mentions[0].Kind != mb.KindItem || h.Mentions[1].Kind != mb.KindItem {
		t.Errorf("mentions of MP500 in the minutes: %+v, %v", h, err)
	}
}
