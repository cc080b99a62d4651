package scaledemo

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// world is everything generated, with the ids it will have. Only the long
// minute text is left out: it is written while the agenda items stream.
type world struct {
	opts  Options
	start time.Time // the first day of the history

	orgs        []*org
	orgsByKind  map[orgKind][]*org
	people      []*person
	committees  []*committee
	memberships []*membership
	meetings    []*meeting
	items       []*item
	decisions   []*decision
	actions     []*action
	events      []*actionEvent
	attendance  []*attendance
	risks       []*risk
	reviews     []*riskReview
	escalations []*escalation
	riskActions [][2]int64 // risk id, action id
	formal      formal     // votes, declarations, standing interests (formal.go)
	accounts    []Account
	admin       *person

	itemCount, decisionCount, eventCount, attendanceCount int

	ids map[string]int64 // the last id given out, by table
}

// next gives out the next id of the table.
func (w *world) next(table string) int64 {
	w.ids[table]++
	return w.ids[table]
}

type org struct {
	id     int64
	def    orgDef
	people []*person
}

type person struct {
	id     int64
	name   string
	org    *org
	email  string
	userID int64 // 0: no account
	admin  bool
	seats  int
}

type committee struct {
	id          int64
	index       int // in w.committees
	code, name  string
	description string
	parent      *committee
	secretariat *org
	short       string // the parent body's name as minutes cite it
	release     string
	categories  []string
	vocabulary  []string
	threshold   int
	seats       []*seat
	secretaries []*person // who records events (actor of action events)
	guests      []*person // other participants who attend, by organisation
	meetings    []*meeting
	risks       []*risk
	ever        map[*person]bool // everyone ever seated, so nobody sits twice
}

// seat is one place on a committee, held by a line of people over time.
type seat struct {
	role     string // member, chair, secretariat
	category string
	kind     orgKind
	tenures  []*membership
}

type membership struct {
	id        int64
	committee *committee
	person    *person
	role      string
	category  string
	from, to  time.Time // to is zero while the seat is held
}

// holds reports whether the membership covers day.
func (m *membership) holds(day time.Time) bool {
	return !day.Before(m.from) && (m.to.IsZero() || !day.After(m.to))
}

// generate builds the world, deterministically from the options.
func generate(opts Options) *world {
	w := &world{opts: opts, ids: map[string]int64{}, orgsByKind: map[orgKind][]*org{}}
	w.start = time.Date(opts.Today.Year()-opts.Size.Years, opts.Today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	r := newRnd(opts.Seed, 1)
	w.makeOrgs()
	w.makePeople(r)
	w.makeCommittees(r)
	w.seat(r)
	w.makeUsers()
	w.makeMeetings(newRnd(opts.Seed, 2))
	w.plan()
	w.formalRecord()
	return w
}

func (w *world) makeOrgs() {
	for _, d := range organisations {
		o := &org{id: w.next("organisations"), def: d}
		w.orgs = append(w.orgs, o)
		w.orgsByKind[d.kind] = append(w.orgsByKind[d.kind], o)
	}
}

func (w *world) orgNamed(name string) *org {
	for _, o := range w.orgs {
		if o.def.name == name {
			return o
		}
	}
	panic("scaledemo: no organisation " + name)
}

// peopleWeights shares people out among the kinds of organisation.
var peopleWeights = map[orgKind]float64{
	kindLargeSupplier: 0.33, kindSmallSupplier: 0.11, kindNetwork: 0.14, kindOtherParty: 0.09,
	kindSecretariat: 0.09, kindCentral: 0.12, kindGovernment: 0.03, kindConsumer: 0.02,
	kindIndependent: 0.03, kindServiceProvider: 0.04,
}

func (w *world) makePeople(r rnd) {
	used := map[string]bool{}
	emails := map[string]bool{}
	add := func(name string, o *org) *person {
		used[name] = true
		local := strings.ToLower(strings.NewReplacer(" ", ".", "'", "").Replace(name))
		email := local + "@" + o.def.domain
		for n := 2; emails[email]; n++ {
			email = fmt.Sprintf("%s%d@%s", local, n, o.def.domain)
		}
		emails[email] = true
		p := &person{id: w.next("people"), name: name, org: o, email: email}
		w.people = append(w.people, p)
		o.people = append(o.people, p)
		return p
	}
	for _, np := range namedPeople {
		add(np.name, w.orgNamed(np.org))
	}
	// Everyone who will hold an account, and an eighth more who attend
	// without one.
	total := w.opts.Size.Users + w.opts.Size.Users/8
	for kind, weight := range orderedWeights() {
		orgs := w.orgsByKind[kind]
		n := int(float64(total)*weight + 0.5)
		for i := 0; i < n; i++ {
			var name string
			for {
				name = pick(r, firstNames) + " " + pick(r, lastNames)
				if !used[name] {
					break
				}
			}
			add(name, orgs[i%len(orgs)])
		}
	}
	w.admin = &person{id: w.next("people"), name: "Administrator", email: "admin@localhost", admin: true}
	w.people = append(w.people, w.admin)
}

// orderedWeights returns peopleWeights in a fixed order: ranging over the
// map directly would draw names in a different order on every run.
func orderedWeights() func(yield func(orgKind, float64) bool) {
	return func(yield func(orgKind, float64) bool) {
		for k := kindLargeSupplier; k <= kindServiceProvider; k++ {
			if !yield(k, peopleWeights[k]) {
				return
			}
		}
	}
}

func (w *world) makeCommittees(r rnd) {
	size := w.opts.Size
	var subs [][]committeeDef
	// Share the sub-committees out among the parents as evenly as the
	// lists allow, OPSG and TABASC first under the Panel.
	for i := 0; i < size.Parents; i++ {
		subs = append(subs, nil)
	}
	for k := 0; len(flatten(subs)) < size.Committees; k++ {
		p := k % size.Parents
		if k/size.Parents < len(committees[p]) {
			subs[p] = append(subs[p], committees[p][k/size.Parents])
		}
		if k > 200 {
			break
		}
	}
	for pi := 0; pi < size.Parents; pi++ {
		pd := parents[pi]
		pc := &committee{
			id: w.next("committees"), index: len(w.committees), code: pd.code, name: pd.name, description: pd.description,
			secretariat: w.orgNamed(pd.secretariat), short: pd.short, release: pd.release,
			categories: pd.categories, vocabulary: []string{"NOTED", "AGREED", "APPROVED"}, threshold: 15,
			ever: map[*person]bool{},
		}
		pc.seats = append(pc.seats, &seat{role: "chair", category: pd.categories[0], kind: kindIndependent})
		for ci, s := range parentSeats[pi] {
			for n := 0; n < s.n; n++ {
				pc.seats = append(pc.seats, &seat{role: "member", category: pd.categories[1+ci], kind: s.kind})
			}
		}
		w.committees = append(w.committees, pc)
		for _, d := range subs[pi] {
			c := &committee{
				id: w.next("committees"), index: len(w.committees), code: d.code, name: d.name, description: d.description,
				parent: pc, secretariat: pc.secretariat, short: pd.short, release: pd.release,
				vocabulary: []string{"NOTED", "AGREED", "APPROVED"}, threshold: []int{15, 15, 12, 16}[r.IntN(4)],
				ever: map[*person]bool{},
			}
			if r.chance(0.3) {
				c.vocabulary = append(c.vocabulary, "ENDORSED", "DEFERRED")
			}
			c.categories = []string{d.name + " Chair"}
			chairKind := kindIndependent
			if r.chance(0.5) {
				chairKind = kindLargeSupplier
			}
			c.seats = append(c.seats, &seat{role: "chair", category: c.categories[0], kind: chairKind})
			for _, sc := range subCategories[pi] {
				c.categories = append(c.categories, sc.name)
				for n := 0; n < sc.n+r.IntN(2); n++ {
					c.seats = append(c.seats, &seat{role: "member", category: sc.name, kind: sc.kind})
				}
			}
			w.committees = append(w.committees, c)
		}
		for _, c := range w.committees[pc.index:] {
			for n := 0; n < 3+r.IntN(3); n++ {
				c.seats = append(c.seats, &seat{role: "secretariat", kind: kindSecretariat})
			}
		}
	}
}

func flatten(x [][]committeeDef) []committeeDef {
	var out []committeeDef
	for _, l := range x {
		out = append(out, l...)
	}
	return out
}

func (w *world) committeeCoded(code string) *committee {
	for _, c := range w.committees {
		if c.code == code {
			return c
		}
	}
	return nil
}

func (w *world) personNamed(name string) *person {
	for _, p := range w.people {
		if p.name == name {
			return p
		}
	}
	panic("scaledemo: no person " + name)
}

// seat fills every seat over the years: the demo's people hold theirs
// throughout, everyone else for a few years at a time.
func (w *world) seat(r rnd) {
	end := w.opts.Today.AddDate(0, 3, 0)
	// The demo's readers and the model document's members, seated for the
	// whole history so that they are recorded at every meeting.
	fixed := map[*seat]*person{}
	claim := func(c *committee, role, category, name string) {
		if c == nil {
			return
		}
		for _, s := range c.seats {
			if s.role == role && (category == "" || s.category == category) && fixed[s] == nil {
				fixed[s] = w.personNamed(name)
				return
			}
		}
	}
	if opsg := w.committeeCoded("OPSG"); opsg != nil {
		claim(opsg, "chair", "", "Dave Warner")
		for _, n := range []string{"Kevin Donnelly", "Rochelle Harrison", "Sam Draper", "George Macgregor", "Ralph Baxter", "Laurence Cross"} {
			claim(opsg, "member", "Large Suppliers", n)
		}
		claim(opsg, "member", "Network Parties", "Shuba Khatun")
		claim(opsg, "member", "Small Suppliers", "Cassie Bowerman")
		for _, n := range []string{"Martin Christie", "Michael Snowden", "Alex Ford"} {
			claim(opsg, "member", "Other SEC Parties", n)
		}
		for _, n := range []string{"Sarah Roebel", "Eugene Asante", "Cherrelle Mclean"} {
			claim(opsg, "secretariat", "", n)
		}
	}
	if panel := w.committeeCoded("PANEL"); panel != nil {
		claim(panel, "chair", "", "Pauline Hartley")
		claim(panel, "member", "Large Supplier Members", "Kevin Donnelly")
		claim(panel, "member", "Consumer Members", "Owen Pritchard")
		claim(panel, "secretariat", "", "Sarah Roebel")
	}
	for _, c := range w.committees {
		for _, s := range c.seats {
			from := w.start.AddDate(0, 0, -r.IntN(365))
			if p := fixed[s]; p != nil {
				w.tenure(c, s, p, from, time.Time{})
				continue
			}
			for from.Before(end) {
				years := 2 + r.IntN(6)
				if s.role == "secretariat" {
					years = 1 + r.IntN(4)
				}
				to := from.AddDate(years, 0, r.IntN(200))
				p := w.occupant(r, c, s)
				if !to.Before(end) {
					w.tenure(c, s, p, from, time.Time{})
					break
				}
				w.tenure(c, s, p, from, to)
				from = to.AddDate(0, 0, 1)
			}
		}
		// Other participants: the DCC's people for the Panel's committees,
		// the secretariat's analysts elsewhere, and now and then government.
		guestOrg := w.orgNamed("DCC")
		if c.secretariat.def.name != "SECAS" {
			guestOrg = c.secretariat
		}
		for n := 0; n < 8+r.IntN(6); n++ {
			c.guests = append(c.guests, pick(r, guestOrg.people))
		}
		c.guests = append(c.guests, pick(r, w.orgsByKind[kindGovernment]).people[0])
		if opsg := w.committeeCoded("OPSG"); c == opsg {
			for _, np := range namedPeople[23:34] { // the DCC's people of the model document
				c.guests = append(c.guests, w.personNamed(np.name))
			}
			c.guests = append(c.guests, w.personNamed("Rachel Allen"))
		}
		c.guests = uniquePeople(c.guests, c.ever)
	}
}

func uniquePeople(list []*person, except map[*person]bool) []*person {
	seen := map[*person]bool{}
	out := list[:0]
	for _, p := range list {
		if !seen[p] && !except[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// occupant picks someone of the seat's kind of organisation who has never
// sat on the committee, preferring those with fewer seats elsewhere.
func (w *world) occupant(r rnd, c *committee, s *seat) *person {
	var pool []*person
	if s.role == "secretariat" {
		pool = c.secretariat.people
	} else {
		orgs := w.orgsByKind[s.kind]
		pool = pick(r, orgs).people
	}
	var best *person
	for try := 0; try < 8; try++ {
		p := pick(r, pool)
		if c.ever[p] || p.name == "Rachel Allen" {
			continue
		}
		if best == nil || p.seats < best.seats {
			best = p
		}
	}
	if best == nil {
		for _, p := range pool {
			if !c.ever[p] && p.name != "Rachel Allen" {
				return p
			}
		}
		best = pick(r, pool) // everyone has sat here: sit again
	}
	return best
}

func (w *world) tenure(c *committee, s *seat, p *person, from, to time.Time) {
	m := &membership{id: w.next("committee_memberships"), committee: c, person: p, role: s.role, category: s.category, from: from, to: to}
	s.tenures = append(s.tenures, m)
	w.memberships = append(w.memberships, m)
	c.ever[p] = true
	p.seats++
	if s.role == "secretariat" {
		c.secretaries = append(c.secretaries, p)
	}
}

// makeUsers gives accounts to the demo readers, then to everyone who holds
// a seat, then to others until there are Users accounts.
func (w *world) makeUsers() {
	give := func(p *person) {
		if p.userID == 0 {
			p.userID = w.next("users")
		}
	}
	give(w.admin)
	for _, a := range demoAccounts {
		give(w.personNamed(a.name))
	}
	seated := slices.Clone(w.people)
	slices.SortStableFunc(seated, func(a, b *person) int { return b.seats - a.seats })
	for _, p := range seated {
		if int(w.ids["users"]) >= w.opts.Size.Users {
			break
		}
		give(p)
	}
	w.accounts = append(w.accounts, Account{Key: "admin", Role: "Administrator", Name: w.admin.name, Email: w.admin.email})
	for _, a := range demoAccounts {
		p := w.personNamed(a.name)
		w.accounts = append(w.accounts, Account{Key: a.key, Role: a.role, Name: p.name, Email: p.email})
	}
}
