package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// directory is who and what minutebook knows, read once per import and
// kept up to date as the import creates people and organisations.
type directory struct {
	people  map[string][]*knownPerson // by nameKey
	orgs    map[string]*mb.Organisation
	members map[int64]map[string]bool // person id → the committee's categories they hold ("" for a seat without one)
	// ours are the people of the committee: members, and those recorded
	// at its meetings, whose initials its minutes use.
	ours map[int64]bool
}

type knownPerson struct {
	id       int64
	name     string
	initials string
	orgID    *int64
	orgName  string
}

// nameKey compares names without case, spacing or punctuation, so that
// "Cherrelle Mclean" finds "Cherrelle McLean" and "Val  Cumberland" finds
// "Val Cumberland".
func nameKey(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(strings.ToLower(s)) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func orgKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (x *minutesImport) loadDirectory(ctx context.Context) error {
	d := &directory{people: map[string][]*knownPerson{}, orgs: map[string]*mb.Organisation{}, members: map[int64]map[string]bool{}, ours: map[int64]bool{}}
	rows, err := x.tx.Query(ctx, `SELECT p.id, p.name, coalesce(p.initials, ''), p.organisation_id, coalesce(o.name, '') FROM people p
		LEFT JOIN organisations o ON o.id = p.organisation_id ORDER BY p.id`)
	if err != nil {
		return err
	}
	people, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*knownPerson, error) {
		var p knownPerson
		return &p, r.Scan(&p.id, &p.name, &p.initials, &p.orgID, &p.orgName)
	})
	if err != nil {
		return err
	}
	for _, p := range people {
		d.people[nameKey(p.name)] = append(d.people[nameKey(p.name)], p)
	}
	rows, err = x.tx.Query(ctx, `SELECT id, name, created_at FROM organisations`)
	if err != nil {
		return err
	}
	orgs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Organisation, error) {
		var o mb.Organisation
		return &o, r.Scan(&o.ID, &o.Name, &o.CreatedAt)
	})
	if err != nil {
		return err
	}
	for _, o := range orgs {
		d.orgs[orgKey(o.Name)] = o
	}
	rows, err = x.tx.Query(ctx, `SELECT person_id, coalesce(category, '') FROM committee_memberships WHERE committee_id = $1`, x.c.ID)
	if err != nil {
		return err
	}
	seats, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (struct {
		id  int64
		cat string
	}, error) {
		var s struct {
			id  int64
			cat string
		}
		return s, r.Scan(&s.id, &s.cat)
	})
	if err != nil {
		return err
	}
	for _, s := range seats {
		if d.members[s.id] == nil {
			d.members[s.id] = map[string]bool{}
		}
		d.members[s.id][s.cat] = true
		d.ours[s.id] = true
	}
	rows, err = x.tx.Query(ctx, `SELECT DISTINCT a.person_id FROM attendance a JOIN meetings m ON m.id = a.meeting_id
		JOIN people p ON p.id = a.person_id WHERE m.committee_id = $1 AND p.initials IS NOT NULL`, x.c.ID)
	if err != nil {
		return err
	}
	recorded, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	for _, id := range recorded {
		d.ours[id] = true
	}
	x.dir = d
	return nil
}

// category returns the committee's category named s (without case), or "".
func (x *minutesImport) category(s string) string { return x.c.Category(s) }

// partItems records the part attendance read as text ("Agenda Item 5") by
// the items it numbers, now that they are written, so that it follows a
// later reorder.
func (x *minutesImport) partItems(ctx context.Context) error {
	numbers, err := itemNumbers(ctx, x.tx, x.m.ID)
	if err != nil {
		return err
	}
	rows, err := x.tx.Query(ctx, `SELECT id, part_items FROM attendance WHERE meeting_id = $1 AND part_items <> ''`, x.m.ID)
	if err != nil {
		return err
	}
	texts := map[int64]string{}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		texts[id] = text
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for id, text := range texts {
		if rest, ids := partItems(mb.Attendee{PartItems: text}, numbers); rest == "" {
			if _, err := x.tx.Exec(ctx, `UPDATE attendance SET part_items = '', part_item_ids = $2 WHERE id = $1`, id, ids); err != nil {
				return err
			}
		}
	}
	return nil
}

// firstFieldMessage is the message of the first person with a problem, and
// how many more there are.
func (x *minutesImport) firstFieldMessage(fe mb.FieldErrors) string {
	for i, a := range x.in.Attendees {
		field := a.Field
		if field == "" {
			field = "person-" + strconv.Itoa(i)
		}
		if msg, ok := fe[field]; ok {
			if len(fe) > 1 {
				return fmt.Sprintf("%s (and %d more)", msg, len(fe)-1)
			}
			return msg
		}
	}
	return "correct the headings marked below."
}

// person finds the person named name (see known), or adds them, in org
// when given; nil when they are new and the person importing chose to
// leave them out.
func (x *minutesImport) person(ctx context.Context, name string, org *mb.Organisation, category string, line int) (*knownPerson, error) {
	if p := x.known(name, org, category, line); p != nil {
		return p, nil
	}
	np := &mb.Person{Name: strings.Join(strings.Fields(name), " ")}
	if org != nil {
		np.OrganisationID = &org.ID
	}
	if x.in.Skip.Skips(mb.EffectPerson, np.Name) {
		x.rep.Skip(mb.EffectPerson, np.Name, np.Name)
		return nil, nil
	}
	if err := np.Validate(); err != nil {
		return nil, &mb.Error{Code: mb.EINVALID, Message: fmt.Sprintf("Line %d: %s", line, mb.ErrorMessage(err))}
	}
	if err := insertPerson(ctx, x.tx, np, nil); err != nil {
		return nil, err
	}
	p := &knownPerson{id: np.ID, name: np.Name, orgID: np.OrganisationID}
	label := np.Name
	if org != nil {
		p.orgName = org.Name
		label += " (" + org.Name + ")"
	}
	x.dir.people[nameKey(np.Name)] = append(x.dir.people[nameKey(np.Name)], p)
	x.dir.ours[p.id] = true
	x.rep.NewPeople = append(x.rep.NewPeople, label)
	x.rep.Effect(mb.EffectPerson, np.Name, label)
	return p, nil
}

// known finds the person named name that minutebook knows: one alone
// whatever their organisation; among several, the one in org, or holding a
// seat in category ("*": any seat), or else the first, with a note. It
// returns nil for a name minutebook does not know.
func (x *minutesImport) known(name string, org *mb.Organisation, category string, line int) *knownPerson {
	candidates := x.dir.people[nameKey(name)]
	pick := func(ok func(p *knownPerson) bool) *knownPerson {
		var found []*knownPerson
		for _, p := range candidates {
			if ok(p) {
				found = append(found, p)
			}
		}
		if len(found) == 1 {
			return found[0]
		}
		return nil
	}
	switch len(candidates) {
	case 0:
		return nil
	case 1:
		return candidates[0]
	}
	p := pick(func(p *knownPerson) bool { return org != nil && p.orgID != nil && *p.orgID == org.ID })
	if p == nil {
		p = pick(func(p *knownPerson) bool {
			return x.dir.members[p.id][category] || (category == "*" && x.dir.members[p.id] != nil)
		})
	}
	if p == nil {
		p = candidates[0]
		x.rep.Note(line, "minutebook knows %d people named %s; the one of %s was taken: check it.", len(candidates), name, orNone(p.orgName))
	}
	return p
}

func orNone(s string) string {
	if s == "" {
		return "no organisation"
	}
	return s
}

// representing finds the organisation a participant represents: the one of
// that name; else, when the name is a slip for the organisation the person
// belongs to ("DESNZ (formally BEIS)" for "DESNZ (formerly BEIS)"), theirs,
// with a note; else a new one.
func (x *minutesImport) representing(ctx context.Context, name string, p *knownPerson, line int) (*mb.Organisation, error) {
	if o := x.dir.orgs[orgKey(name)]; o != nil {
		return o, nil
	}
	if p.orgID != nil && p.orgName != "" && similar(name, p.orgName) {
		x.rep.Note(line, "“%s” was read as %s, %s's organisation.", strings.Join(strings.Fields(name), " "), p.orgName, p.name)
		return x.dir.orgs[orgKey(p.orgName)], nil
	}
	return x.organisation(ctx, name)
}

// organisation returns the organisation named name, creating it when new;
// nil when it is new and the person chose to leave it out.
func (x *minutesImport) organisation(ctx context.Context, name string) (*mb.Organisation, error) {
	name = strings.Join(strings.Fields(name), " ")
	if o := x.dir.orgs[orgKey(name)]; o != nil {
		return o, nil
	}
	if len(name) > 200 {
		return nil, mb.Errorf(mb.EINVALID, "The organisation “%.40s…” has too long a name: 200 characters at most.", name)
	}
	if x.in.Skip.Skips(mb.EffectOrganisation, name) {
		x.rep.Skip(mb.EffectOrganisation, name, name)
		return nil, nil
	}
	o, created, err := ensureOrganisation(ctx, x.tx, name)
	if err != nil {
		return nil, err
	}
	if created {
		x.rep.NewOrganisations = append(x.rep.NewOrganisations, o.Name)
		x.rep.Effect(mb.EffectOrganisation, o.Name, o.Name)
	}
	x.dir.orgs[orgKey(o.Name)] = o
	return o, nil
}

// similar reports whether two names differ by a slip: at most three edits
// in names of eight letters or more, one in shorter names.
func similar(a, b string) bool {
	a, b = orgKey(a), orgKey(b)
	limit := 1
	if len([]rune(a)) >= 8 {
		limit = 3
	}
	return editDistance(a, b) <= limit
}

// editDistance is the Levenshtein distance between a and b, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
