package postgres

import (
	"context"
	"fmt"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// formalRecord records the votes and declarations of interest the document
// gives, replacing those of the items it places: a declaration names
// someone recorded present (by name, as the roll call read them), and a vote
// is recorded as counts. A vote that counts more than could vote, or counts
// someone who declared an interest and did not vote, is still recorded as
// the document says, with a note for a person to check.
func (x *minutesImport) formalRecord(ctx context.Context) error {
	declared, voted := false, false
	for _, p := range x.items {
		declared = declared || len(p.in.Declarations) > 0
		for _, d := range p.in.Decisions {
			voted = voted || d.Vote != nil
		}
	}
	// A new meeting has nothing to replace.
	if !x.rep.Created {
		if _, err := x.tx.Exec(ctx, `DELETE FROM declarations WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = $1)`, x.m.ID); err != nil {
			return err
		}
		if _, err := x.tx.Exec(ctx, `DELETE FROM decision_votes WHERE decision_id IN (SELECT d.id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = $1)`, x.m.ID); err != nil {
			return err
		}
	}
	if !declared && !voted {
		return nil
	}
	roll, err := attendanceOf(ctx, x.tx, x.m.ID)
	if err != nil {
		return err
	}
	present := map[string]int64{}
	for _, a := range roll {
		if a.Status == mb.Present || a.Status == mb.Part {
			present[strings.ToLower(a.PersonName)] = a.PersonID
		}
	}
	for _, p := range x.items {
		for i, d := range p.in.Declarations {
			person, ok := present[strings.ToLower(d.Name)]
			if !ok {
				x.rep.Notes = append(x.rep.Notes, mb.ImportNote{Line: d.Line, Text: fmt.Sprintf(
					"%s declared an interest in item %s but is not recorded present: the declaration stays in the minute's text only.", d.Name, p.in.Number)})
				continue
			}
			decl := mb.Declaration{ItemID: p.id, PersonID: person, PersonName: d.Name, Nature: d.Nature, Effect: d.Effect}
			if err := decl.Validate(); err != nil {
				return itemError(p.in, err)
			}
			if _, err := x.tx.Exec(ctx, `INSERT INTO declarations (item_id, person_id, nature, effect, position) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (item_id, person_id) DO NOTHING`, p.id, person, decl.Nature, string(decl.Effect), i+1); err != nil {
				return err
			}
			x.rep.Declarations++
		}
	}
	for _, p := range x.items {
		for i, d := range p.in.Decisions {
			if d.Vote == nil {
				continue
			}
			v := *d.Vote
			v.Named, v.Ballots, v.DecisionID = false, nil, p.decisions[i]
			var casting *string
			if v.CastingVote == mb.VoteFor || v.CastingVote == mb.VoteAgainst {
				c := string(v.CastingVote)
				casting = &c
			}
			if v.For != v.Against {
				casting = nil
			}
			if _, err := x.tx.Exec(ctx, `INSERT INTO decision_votes (decision_id, votes_for, votes_against, abstentions, casting_vote) VALUES ($1, $2, $3, $4, $5)`,
				v.DecisionID, v.For, v.Against, v.Abstain, casting); err != nil {
				return err
			}
			x.rep.Votes++
			it := &mb.Item{ID: p.id, MeetingID: x.m.ID, Number: p.in.Number}
			e, c, err := electorate(ctx, x.tx, x.m, it, nil)
			if err != nil {
				return err
			}
			if err := v.Validate(e, c.Rules.CastingVote); err != nil {
				x.rep.Notes = append(x.rep.Notes, mb.ImportNote{Line: p.in.Line, Text: fmt.Sprintf(
					"The vote on item %s is recorded as the minutes give it, but does not agree with the attendance: %s", p.in.Number, voteProblem(err))})
			}
		}
	}
	return nil
}
