// Package demo loads realistic demonstration data: the SEC Panel with the
// Operations Group (OPSG) beneath it, modelled on the final minutes of OPSG
// meeting 105, and one user for each role. It grows with every feature so
// that a newcomer's first start shows the whole product.
package demo

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Credential is a demo account and its generated password.
type Credential struct {
	// Key names the kind of reader for tests: "secretariat", "chair",
	// "member", "panel-chair", "non-member".
	Key      string
	Role     string
	Name     string
	Email    string
	Password string
}

// Options tune the load.
type Options struct {
	// PasswordParams are the argon2id costs for the demo accounts.
	PasswordParams *password.Params
	// Passwords, when set, gives each demo account this password instead of a
	// generated one (tests use it to sign in).
	Password string
	// Unwritten105 leaves OPSG 105 held but its minutes unwritten: no
	// attendance, items, decisions or actions, nothing the registers record
	// at it, and 103 circulated awaiting its approval. The browser test
	// that drafts the model document's minutes as a person would starts
	// from it and compares the result with the full demo's.
	Unwritten105 bool
}

// Loaded reports whether the demo is already in the database.
func Loaded(ctx context.Context, store *postgres.Store) (bool, error) {
	_, err := store.CommitteeByCode(ctx, "OPSG")
	switch mb.ErrorCode(err) {
	case "":
		return true, nil
	case mb.ENOTFOUND:
		return false, nil
	}
	return false, err
}

// person is one person of the demo with their organisation.
type person struct{ name, org string }

// loader carries the ids made so far.
type loader struct {
	store  *postgres.Store
	opts   Options
	orgs   map[string]int64
	people map[string]int64
	creds  []Credential
	// previous105 is meeting 105's item that approves the minutes of 103.
	previous105 *mb.Item
}

// Load loads the demo and returns the demo accounts with their passwords.
func Load(ctx context.Context, store *postgres.Store, opts Options) ([]Credential, error) {
	if loaded, err := Loaded(ctx, store); err != nil {
		return nil, err
	} else if loaded {
		return nil, mb.Errorf(mb.ECONFLICT, "The demo is already loaded (committee OPSG exists).")
	}
	l := &loader{store: store, opts: opts, orgs: map[string]int64{}, people: map[string]int64{}}
	// The demo's history is not news: only what is still open today (the
	// circulation of OPSG 104 and the comment on it) is told (see minutes).
	if err := l.load(mb.WithNotices(ctx, false)); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	return l.creds, nil
}

func (l *loader) org(ctx context.Context, name string) (int64, error) {
	if id, ok := l.orgs[name]; ok {
		return id, nil
	}
	o, err := l.store.EnsureOrganisation(ctx, name)
	if err != nil {
		return 0, err
	}
	l.orgs[name] = o.ID
	return o.ID, nil
}

func (l *loader) person(ctx context.Context, p person) (int64, error) {
	if id, ok := l.people[p.name]; ok {
		return id, nil
	}
	orgID, err := l.org(ctx, p.org)
	if err != nil {
		return 0, err
	}
	// The roster gives everyone their initials, as minutes refer to
	// them ("DW"), which later minutes imported are read by (issue 15).
	x := &mb.Person{Name: p.name, Initials: initials(p.name), OrganisationID: &orgID}
	if err := l.store.CreatePerson(ctx, x); err != nil {
		return 0, err
	}
	l.people[p.name] = x.ID
	return x.ID, nil
}

// initials are a name's first and last words' first letters: "DW" for
// "Dave Warner"; "" when that makes no initials.
func initials(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	last, _ := utf8.DecodeRuneInString(words[len(words)-1])
	s := string(unicode.ToUpper(first)) + string(unicode.ToUpper(last))
	if !mb.ValidInitials(s) {
		return ""
	}
	return s
}

func (l *loader) load(ctx context.Context) error {
	opsg, tabasc, panel, err := l.foundation(ctx)
	if err != nil {
		return err
	}
	if err := l.meetings(ctx, opsg, tabasc, panel); err != nil {
		return err
	}
	// OPSG 101 comes in as imported history, before the minutes kept here.
	if err := l.imports(ctx); err != nil {
		return err
	}
	// The minutes come first: they raise the actions the register then
	// moves, and the risks are reviewed in their items.
	if err := l.minutes(ctx); err != nil {
		return err
	}
	if err := l.actions(ctx); err != nil {
		return err
	}
	if err := l.risks(ctx); err != nil {
		return err
	}
	if !l.opts.Unwritten105 {
		if err := l.publish105(ctx); err != nil {
			return err
		}
	}
	// The formal record: the committees' rules and registers, the Panel's
	// vote and declaration, the chair's signature of OPSG 105 (once written).
	if err := l.rules(ctx); err != nil {
		return err
	}
	if err := l.panel120(ctx); err != nil {
		return err
	}
	// The next meetings' agendas, once 106 holds the approval of 105 (with
	// 105 left unwritten, 106 holds nothing yet: both wait for the test
	// that drafts it).
	if !l.opts.Unwritten105 {
		if err := l.sign105(ctx); err != nil {
			return err
		}
		if err := l.agendas(ctx); err != nil {
			return err
		}
	}
	return l.settle(ctx)
}

// Foundation loads only the demo's bodies, their members and secretariat,
// the other participants and the accounts: no meetings, minutes, actions
// or risks. The test that produces the demo's meeting 105 by importing the
// model document starts from it.
func Foundation(ctx context.Context, store *postgres.Store, opts Options) ([]Credential, error) {
	if loaded, err := Loaded(ctx, store); err != nil {
		return nil, err
	} else if loaded {
		return nil, mb.Errorf(mb.ECONFLICT, "The demo is already loaded (committee OPSG exists).")
	}
	l := &loader{store: store, opts: opts, orgs: map[string]int64{}, people: map[string]int64{}}
	if _, _, _, err := l.foundation(ctx); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	return l.creds, nil
}

// foundation makes the bodies, seats them and makes the accounts.
func (l *loader) foundation(ctx context.Context) (opsg, tabasc, panel *mb.Committee, err error) {
	secas, err := l.org(ctx, "SECAS")
	if err != nil {
		return nil, nil, nil, err
	}
	panel = &mb.Committee{
		Code: "PANEL", Name: "SEC Panel", SecretariatID: &secas,
		Description:         "The Smart Energy Code Panel, which oversees the code and its sub-committees.",
		Categories:          []string{"Panel Chair", "Large Supplier Members", "Small Supplier Members", "Network Party Members", "Other SEC Party Members", "Consumer Members"},
		EscalationThreshold: mb.DefaultEscalationThreshold,
	}
	if err := l.store.CreateCommittee(ctx, panel); err != nil {
		return nil, nil, nil, err
	}
	opsg = &mb.Committee{
		Code: "OPSG", Name: "Operations Group", ParentID: &panel.ID, SecretariatID: &secas,
		Description:         "Monitors the operational performance of the DCC and the smart metering system, and escalates risks to the SEC Panel.",
		Categories:          []string{"Operations Group Chair", "Network Parties", "Large Suppliers", "Small Suppliers", "Other SEC Parties"},
		EscalationThreshold: 15,
		// The items every OPSG meeting takes, as the model document does.
		StandingItems: []mb.StandingItem{{Title: "Previous Meeting Minutes"}, {Title: "Actions Outstanding"}, {Title: "Any Other Business", AtEnd: true}},
	}
	if err := l.store.CreateCommittee(ctx, opsg); err != nil {
		return nil, nil, nil, err
	}
	tabasc = &mb.Committee{
		Code: "TABASC", Name: "Technical Architecture and Business Architecture Sub-Committee", ParentID: &panel.ID, SecretariatID: &secas,
		Description:         "Keeps the technical and business architecture of the smart metering system under review.",
		Categories:          []string{"TABASC Chair", "Large Suppliers", "Small Suppliers", "Network Parties", "Other SEC Parties"},
		EscalationThreshold: 15,
	}
	if err := l.store.CreateCommittee(ctx, tabasc); err != nil {
		return nil, nil, nil, err
	}
	if err := l.seatOPSG(ctx, opsg); err != nil {
		return nil, nil, nil, err
	}
	if err := l.seatPanel(ctx, panel); err != nil {
		return nil, nil, nil, err
	}
	if err := l.accounts(ctx); err != nil {
		return nil, nil, nil, err
	}
	return opsg, tabasc, panel, nil
}

// since is when the demo's memberships begin.
var since = date(2022, 4, 1)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// opsgMembers are the fixture's members by category, with the organisations
// the demo gives them (the fixture does not name members' organisations).
var opsgMembers = []struct {
	category string
	role     mb.MemberRole
	people   []person
}{
	{"Operations Group Chair", mb.RoleChair, []person{{"Dave Warner", "Independent"}}},
	{"Network Parties", mb.RoleMember, []person{{"Shuba Khatun", "Northgrid Networks"}}},
	{"Large Suppliers", mb.RoleMember, []person{
		{"Kevin Donnelly", "Albion Energy"}, {"Rochelle Harrison", "Brightwater Power"}, {"Sam Draper", "Crown Gas & Electric"},
		{"George Macgregor", "Highland Energy Supply"}, {"Ralph Baxter", "Meridian Home Energy"}, {"Laurence Cross", "Albion Energy"},
		{"Nick Coombs", "Brightwater Power"}, {"Emslie Law", "Crown Gas & Electric"},
	}},
	{"Small Suppliers", mb.RoleMember, []person{{"Cassie Bowerman", "Kestrel Energy"}}},
	{"Other SEC Parties", mb.RoleMember, []person{
		{"Martin Christie", "Metering Services Ltd"}, {"Michael Snowden", "Smart Data Co"}, {"Alex Ford", "MeterWorks"},
		{"Geoff Huckerby", "Consumer Energy Trust"},
	}},
}

// opsgSecretariat are the SECAS staff who run the OPSG.
var opsgSecretariat = []person{
	{"Sarah Roebel", "SECAS"}, {"Eugene Asante", "SECAS"}, {"Cherrelle Mclean", "SECAS"},
	{"Tim Newton", "SECAS"}, {"Alison Beard", "SECAS"}, {"Conroy Saunders", "SECAS"},
}

// otherParticipants attend without a seat, representing their organisation.
var otherParticipants = []person{
	{"Danielle Jackson", "DCC"}, {"Val Cumberland", "DCC"}, {"Timothy Dunning", "DCC"}, {"Daniel Heathcote", "DCC"},
	{"Gary Fairclough", "DCC"}, {"Adam Rawling", "DCC"}, {"Andy Rowley", "DCC"}, {"Ryan Todd", "DCC"},
	{"Gary Stuart", "DCC"}, {"David Rollason", "DCC"}, {"Ian Drummond", "DCC"},
	{"Rachel Allen", "DESNZ (formerly BEIS)"},
}

func (l *loader) seatOPSG(ctx context.Context, opsg *mb.Committee) error {
	for _, group := range opsgMembers {
		for _, p := range group.people {
			id, err := l.person(ctx, p)
			if err != nil {
				return err
			}
			m := &mb.Membership{CommitteeID: opsg.ID, PersonID: id, Role: group.role, Category: group.category, From: since}
			if err := l.store.CreateMembership(ctx, m); err != nil {
				return err
			}
		}
	}
	for _, p := range opsgSecretariat {
		id, err := l.person(ctx, p)
		if err != nil {
			return err
		}
		if err := l.store.CreateMembership(ctx, &mb.Membership{CommitteeID: opsg.ID, PersonID: id, Role: mb.RoleSecretariat, From: since}); err != nil {
			return err
		}
	}
	for _, p := range otherParticipants {
		if _, err := l.person(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) seatPanel(ctx context.Context, panel *mb.Committee) error {
	seats := []struct {
		p        person
		role     mb.MemberRole
		category string
	}{
		{person{"Pauline Hartley", "Independent"}, mb.RoleChair, "Panel Chair"},
		{person{"Kevin Donnelly", "Albion Energy"}, mb.RoleMember, "Large Supplier Members"},
		{person{"Cassie Bowerman", "Kestrel Energy"}, mb.RoleMember, "Small Supplier Members"},
		{person{"Shuba Khatun", "Northgrid Networks"}, mb.RoleMember, "Network Party Members"},
		{person{"Owen Pritchard", "Consumer Energy Trust"}, mb.RoleMember, "Consumer Members"},
		{person{"Sarah Roebel", "SECAS"}, mb.RoleSecretariat, ""},
	}
	for _, s := range seats {
		id, err := l.person(ctx, s.p)
		if err != nil {
			return err
		}
		if err := l.store.CreateMembership(ctx, &mb.Membership{CommitteeID: panel.ID, PersonID: id, Role: s.role, Category: s.category, From: since}); err != nil {
			return err
		}
	}
	return nil
}

func tod(h, m int) *mb.TimeOfDay { return &mb.TimeOfDay{Hour: h, Minute: m} }

func (l *loader) meetings(ctx context.Context, opsg, tabasc, panel *mb.Committee) error {
	// OPSG 102–105 start as drafts: minutes.go writes them and moves each
	// through its lifecycle.
	list := []*mb.Meeting{
		{CommitteeID: opsg.ID, Number: 102, Kind: mb.MainMeeting, Date: date(2023, 9, 12), Start: tod(10, 0), End: tod(15, 30), Venue: "London", Classification: mb.Clear, Status: mb.Draft},
		{CommitteeID: opsg.ID, Number: 103, Kind: mb.ReportingMeeting, Date: date(2023, 9, 25), Start: tod(13, 0), End: tod(15, 0), Venue: "Teleconference", Classification: mb.Clear, Status: mb.Draft},
		{CommitteeID: opsg.ID, Number: 104, Kind: mb.ExtraordinaryMeeting, Date: date(2023, 10, 10), Start: tod(14, 0), End: tod(15, 0), Venue: "Teleconference", Classification: mb.Amber, Status: mb.Draft},
		{CommitteeID: opsg.ID, Number: 105, Kind: mb.MainMeeting, Date: date(2023, 10, 23), Start: tod(12, 20), End: tod(16, 0), Venue: "Teleconference", Classification: mb.Clear, Status: mb.Draft},
		{CommitteeID: opsg.ID, Number: 106, Kind: mb.MainMeeting, Date: date(2023, 11, 14), Start: tod(10, 0), End: tod(16, 0), Venue: "London", Classification: mb.Clear, Status: mb.Draft},
		{CommitteeID: opsg.ID, Number: 107, Kind: mb.ReportingMeeting, Date: date(2023, 11, 27), Start: tod(13, 0), End: tod(15, 0), Venue: "Teleconference", Classification: mb.Clear, Status: mb.Draft},
		{CommitteeID: tabasc.ID, Number: 88, Kind: mb.MainMeeting, Date: date(2023, 10, 5), Start: tod(10, 0), End: tod(13, 0), Venue: "Teleconference", Classification: mb.Green},
		{CommitteeID: panel.ID, Number: 119, Kind: mb.MainMeeting, Date: date(2023, 9, 28), Start: tod(10, 0), End: tod(16, 0), Venue: "London", Classification: mb.Clear},
		{CommitteeID: panel.ID, Number: 120, Kind: mb.MainMeeting, Date: date(2023, 11, 10), Start: tod(10, 0), End: tod(16, 0), Venue: "London", Classification: mb.Amber},
	}
	for _, m := range list {
		if err := l.store.CreateMeeting(ctx, m); err != nil {
			return fmt.Errorf("meeting %d: %w", m.Number, err)
		}
	}
	return nil
}

// accounts are the demo's users, one for each kind of reader.
var accounts = []struct {
	key, role, name, email string
}{
	{"secretariat", "OPSG secretariat", "Sarah Roebel", "sarah.roebel@secas.example.org"},
	{"chair", "OPSG chair", "Dave Warner", "dave.warner@example.org"},
	{"member", "OPSG member", "Kevin Donnelly", "kevin.donnelly@albion.example.org"},
	{"panel-chair", "SEC Panel chair", "Pauline Hartley", "pauline.hartley@example.org"},
	{"non-member", "Signed-in non-member", "Rachel Allen", "rachel.allen@desnz.example.org"},
	// Adam Rawling attends the OPSG for the DCC, which owns most of its
	// actions: he is reminded of them.
	{"owner", "DCC, owns OPSG actions", "Adam Rawling", "adam.rawling@dcc.example.org"},
}

func (l *loader) accounts(ctx context.Context) error {
	for _, a := range accounts {
		pw := l.opts.Password
		if pw == "" {
			pw = password.Generate()
		}
		hash, err := password.Hash(pw, l.opts.PasswordParams)
		if err != nil {
			return err
		}
		if _, err := l.store.CreateUser(ctx, postgres.NewUser{PersonID: l.people[a.name], Email: a.email, Name: a.name, PasswordHash: hash}); err != nil {
			return fmt.Errorf("account %s: %w", a.email, err)
		}
		l.creds = append(l.creds, Credential{Key: a.key, Role: a.role, Name: a.name, Email: a.email, Password: pw})
	}
	return nil
}

// settle moves the TABASC and Panel meetings through their lifecycle once
// their actions and risks are recorded: each TABASC meeting is approved at
// the next and published, the last circulated; the Panel's is circulated.
func (l *loader) settle(ctx context.Context) error {
	sec, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	ctx = mb.NewContextWithActor(ctx, sec)
	meeting := func(code string, n int) (*mb.Meeting, error) { return l.store.MeetingByNumber(ctx, code, n) }
	for n := 87; n <= 89; n++ {
		m, err := meeting("TABASC", n)
		if err != nil {
			return err
		}
		next, err := meeting("TABASC", n+1)
		if err != nil {
			return err
		}
		if err := l.store.Circulate(ctx, m.ID); err != nil {
			return err
		}
		if err := l.store.Approve(ctx, postgres.Approval{MeetingID: m.ID, ApprovedAt: next.ID}); err != nil {
			return err
		}
		if err := l.store.Publish(ctx, m.ID); err != nil {
			return err
		}
	}
	// The Panel's 119th meeting decides MP242 and is approved at the 120th.
	p119, err := meeting("PANEL", 119)
	if err != nil {
		return err
	}
	p120, err := meeting("PANEL", 120)
	if err != nil {
		return err
	}
	if err := l.writeItems(ctx, p119, panel119Items, map[string]*mb.Item{}, map[string]*mb.Action{}, "P119"); err != nil {
		return err
	}
	if err := l.store.Circulate(ctx, p119.ID); err != nil {
		return err
	}
	// Approved in the 120th's first item, so that its items keep their numbers.
	first, err := l.store.Items(ctx, p120.ID)
	if err != nil || len(first) == 0 {
		return fmt.Errorf("PANEL 120's items: %v", err)
	}
	if err := l.store.Approve(ctx, postgres.Approval{MeetingID: p119.ID, ApprovedAt: p120.ID, ItemID: &first[0].ID}); err != nil {
		return err
	}
	if err := l.store.Publish(ctx, p119.ID); err != nil {
		return err
	}
	for _, x := range []struct {
		code string
		n    int
	}{{"TABASC", 90}, {"PANEL", 120}} {
		m, err := meeting(x.code, x.n)
		if err != nil {
			return err
		}
		if err := l.store.Circulate(ctx, m.ID); err != nil {
			return err
		}
	}
	return nil
}
