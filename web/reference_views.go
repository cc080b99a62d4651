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
		ActionMeeting: m.ActionMeeting, ActionSequence: m.ActionSequence, RiskReference: m.RiskReference}, false)
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
