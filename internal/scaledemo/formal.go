package scaledemo

import (
	"strconv"
	"strings"
	"time"
)

// The formal record of the generated minutes (issue 20): declarations of
// interest in about one item in thirty, a vote on more than half of the
// decisions on modifications (one vote in three named, member by member),
// and a register of interests holding a standing declaration for about one
// seat holder in four. Counts respect the roll call and the declarations:
// a member who declared and did not vote is never counted.

// formal is what formalRecord generated.
type formal struct {
	declarations []*declaration
	votes        []*vote
	interests    []*standingInterest
}

type declaration struct {
	id       int64
	itemID   int64
	person   *person
	nature   string
	effect   string
	position int
}

type vote struct {
	decisionID             int64
	named                  bool
	votesFor, against, abs int
	ballots                []ballot
}

type ballot struct {
	member, voter *person
	choice        string
}

type standingInterest struct {
	committee *committee
	person    *person
	nature    string
	from, to  time.Time
}

var declarationNatures = []string{
	"%s has bid in the procurement this item concerns",
	"%s is a party to the modification's proposer's consortium",
	"%s would bear most of the cost of the change",
	"a relative works for the supplier named in the paper, in a role unconnected with %s",
	"%s holds a contract with the DCC affected by this item",
}

var standingNatures = []string{
	"Employee of %s",
	"Director of a subsidiary of %s",
	"Shareholding in %s above the register's threshold",
	"Adviser to a trade association of which %s is a member",
}

// formalRecord writes the declarations, votes and standing interests of
// every committee, after plan has written the minutes.
func (w *world) formalRecord() {
	itemsOf := map[int64][]*item{}
	byID := map[int64]*item{}
	for _, it := range w.items {
		itemsOf[it.meeting.id] = append(itemsOf[it.meeting.id], it)
		byID[it.id] = it
	}
	rollOf := map[int64][]*attendance{}
	for _, a := range w.attendance {
		rollOf[a.meetingID] = append(rollOf[a.meetingID], a)
	}
	decisionsOf := map[int64][]*decision{}
	for _, d := range w.decisions {
		decisionsOf[d.itemID] = append(decisionsOf[d.itemID], d)
	}
	for _, c := range w.committees {
		r := newRnd(w.opts.Seed, 8, uint64(c.id))
		for _, m := range c.meetings {
			if !m.held {
				continue
			}
			roll := rollOf[m.id]
			for _, it := range itemsOf[m.id] {
				top := it.position
				if p := byID[it.parentID]; p != nil {
					top = p.position
				}
				w.formalItem(r, it, top, roll, decisionsOf[it.id])
			}
		}
		w.standingInterests(r, c)
	}
}

// formalItem records what happened formally in one item: perhaps a
// declaration, and perhaps a vote on its decisions.
func (w *world) formalItem(r rnd, it *item, top int, roll []*attendance, decisions []*decision) {
	var present []*attendance
	for _, a := range roll {
		if a.category != "" && (a.status == "present" || (a.status == "part" && partCovers(a.partItems, top))) {
			present = append(present, a)
		}
	}
	excluded := map[*person]bool{}
	if len(present) > 1 && r.chance(0.035) {
		a := pick(r, present)
		d := &declaration{id: w.next("declarations"), itemID: it.id, person: a.person, position: 1,
			nature: strings.ReplaceAll(pick(r, declarationNatures), "%s", a.person.org.def.name)}
		switch x := r.Float64(); {
		case x < 0.3:
			d.effect = "took_part"
		case x < 0.7:
			d.effect = "did_not_vote"
		default:
			d.effect = "left_room"
		}
		if d.effect != "took_part" {
			excluded[a.person] = true
		}
		w.formal.declarations = append(w.formal.declarations, d)
	}
	if it.topic != topicModification || len(present) == 0 {
		return
	}
	for _, d := range decisions {
		if d.kind == "NOTED" || !r.chance(0.6) {
			continue
		}
		v := &vote{decisionID: d.id, named: r.chance(0.33)}
		for _, a := range present {
			if excluded[a.person] || r.chance(0.05) {
				continue // declared, or did not vote
			}
			choice := "for"
			switch x := r.Float64(); {
			case x < 0.12:
				choice = "against"
			case x < 0.2:
				choice = "abstain"
			}
			switch choice {
			case "for":
				v.votesFor++
			case "against":
				v.against++
			default:
				v.abs++
			}
			member := a.person
			if a.alternateFor != nil {
				member = a.alternateFor
			}
			v.ballots = append(v.ballots, ballot{member: member, voter: a.person, choice: choice})
		}
		if len(v.ballots) == 0 {
			continue
		}
		if !v.named {
			v.ballots = nil
		}
		w.formal.votes = append(w.formal.votes, v)
	}
}

// partCovers reports whether a part attendee's items ("Agenda Item 5")
// include the item numbered top (a sub-item's is its parent's number).
func partCovers(parts string, top int) bool {
	return strings.TrimSpace(strings.TrimPrefix(parts, "Agenda Item ")) == strconv.Itoa(top)
}

// standingInterests registers interests for about a quarter of the
// committee's voting seat holders, some of them ended.
func (w *world) standingInterests(r rnd, c *committee) {
	for _, s := range c.seats {
		if s.role == "secretariat" {
			continue
		}
		for _, t := range s.tenures {
			if !r.chance(0.25) {
				continue
			}
			si := &standingInterest{committee: c, person: t.person, from: t.from,
				nature: strings.ReplaceAll(pick(r, standingNatures), "%s", t.person.org.def.name)}
			if !t.to.IsZero() {
				si.to = t.to
			}
			w.formal.interests = append(w.formal.interests, si)
		}
	}
}
