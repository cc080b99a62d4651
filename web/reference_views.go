package web

import (
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ReferencePage is a reference's history (/refs/{reference}).
type ReferencePage struct {
	Chrome
	History *mb.ReferenceHistory
	Paging
}

// MentionURL is where a mention leads, as a search hit of the record would.
func MentionURL(m mb.Mention) string {
	return SearchHitURL(mb.SearchHit{Kind: m.Kind, ID: m.ID, CommitteeCode: m.CommitteeCode, MeetingNumber: m.MeetingNumber,
		ItemID: m.ItemID, ItemNumber: m.ItemNumber, ActionMeeting: m.ActionMeeting, ActionSequence: m.ActionSequence, RiskReference: m.RiskReference}, false)
}

// mentionWhere says where a mention was made: "OPSG 105, 23 Oct 2023".
func mentionWhere(m mb.Mention) string {
	return SearchHitView{Hit: mb.SearchHit{CommitteeCode: m.CommitteeCode, MeetingNumber: m.MeetingNumber, Date: m.Date}}.Where()
}

// markReference marks the reference in a sentence for marked.
func markReference(sentence, reference string) string {
	return strings.ReplaceAll(sentence, reference, mb.MarkStart+reference+mb.MarkEnd)
}

// legDates is a leg's span: "23 Oct 2023" or "23 Oct 2023 – 14 Mar 2024".
func legDates(s mb.ReferenceStop) string {
	first, last := s.First.Format("2 Jan 2006"), s.Last.Format("2 Jan 2006")
	if first == last {
		return first
	}
	return first + " – " + last
}

func meetingsCount(n int) string {
	if n == 1 {
		return "1 meeting"
	}
	return itoa(n) + " meetings"
}

// timelineLegs is how many legs the timeline draws; past it, the first and
// the last halves with the count of those between.
const timelineLegs = 12

// TimelineView is the timeline as drawn: its first and last legs, how many
// lie between, and each committee's part.
type TimelineView struct {
	Head, Tail []mb.ReferenceStop
	Skipped    int
	Committees []mb.ReferenceStop // one a committee, in order of its first mention
}

// Timeline draws the history's travels.
func (p ReferencePage) Timeline() TimelineView {
	legs := p.History.Timeline
	var v TimelineView
	if len(legs) <= timelineLegs {
		v.Head = legs
	} else {
		v.Head, v.Tail = legs[:timelineLegs/2], legs[len(legs)-timelineLegs/2:]
		v.Skipped = len(legs) - timelineLegs
	}
	at := map[string]int{}
	for _, l := range legs {
		i, ok := at[l.CommitteeCode]
		if !ok {
			at[l.CommitteeCode] = len(v.Committees)
			v.Committees = append(v.Committees, l)
			continue
		}
		v.Committees[i].Last = l.Last
		v.Committees[i].Meetings += l.Meetings
	}
	return v
}
