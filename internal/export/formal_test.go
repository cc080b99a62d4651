package export_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/export"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// formalSample is the sample with the formal record: a named vote on item
// 1's decision, a declaration in it, an inquorate item, the quorum and the
// chair's signature.
func formalSample() *export.Document {
	d := sample(mb.Published)
	d.ApprovedBy = "OPSG 106"
	it := d.Items[0].Item
	it.Declarations = []mb.Declaration{{ItemNumber: "1", PersonName: "Kevin Donnelly", Nature: "Albion Energy is a party", Effect: mb.LeftRoom}}
	it.Decisions[0].Vote = &mb.Vote{Named: true, For: 2, Ballots: []mb.Ballot{
		{MemberName: "Dave Warner", MemberID: 1, VoterID: 1, Choice: mb.VoteFor},
		{MemberName: "Sam Draper", MemberID: 2, VoterID: 3, VoterName: "Renée Lefèvre", Choice: mb.VoteFor}}}
	d.Declarations = it.Declarations
	iq := &mb.ItemQuorum{Number: "1", Quorum: mb.Quorum{Required: 3, Present: 2}}
	d.Items[0].Quorum = iq
	d.Quorum = &mb.QuorumRecord{Rule: mb.QuorumRule{Kind: mb.QuorumMembers, Members: 3}, Recorded: true,
		Meeting: mb.Quorum{Required: 3, Present: 3, Quorate: true}, Items: []mb.ItemQuorum{*iq}}
	d.Signature = &mb.Signature{Version: 3, SignerName: "Dave Warner", SignedAt: time.Date(2023, 11, 14, 16, 5, 0, 0, time.UTC),
		SHA256: strings.Repeat("ab12", 16)}
	return d
}

// The PDF and the Word document carry the formal record as the page does:
// the signature line and the version's hash under the approval, the quorum
// and the declarations after the apologies, the vote in the decision's
// sentence with a named vote's roll.
func TestFormalRecordInFiles(t *testing.T) {
	want := []string{
		"Approved as final at OPSG 106.", "Signed by Dave Warner on 14 November 2023.", "SHA-256 of version 3: " + strings.Repeat("ab12", 16),
		"Quorum:", "The meeting was quorate: 3 voting members were present; the quorum is 3 voting members.",
		"Item 1 was inquorate: 2 voting members were present.",
		"Declarations of interest:", "Item 1: Kevin Donnelly – Albion Energy is a party (left the room).",
		"1. Previous Meeting Minutes",
		"Kevin Donnelly declared an interest: Albion Energy is a party. Kevin Donnelly left the room.",
		"The OPSG voted 2 for and 0 against, and APPROVED the minutes from OPSG 103 as final.",
		"For: Dave Warner, Renée Lefèvre for Sam Draper.",
	}
	inOrder := func(t *testing.T, text string) {
		t.Helper()
		at := 0
		for _, w := range want {
			i := strings.Index(text[at:], w)
			if i < 0 {
				t.Fatalf("after %q the text lacks %q:\n%s", text[:at], w, text)
			}
			at += i + len(w)
		}
	}
	t.Run("PDF", func(t *testing.T) {
		inOrder(t, words(poppler(t, renderPDF(t, formalSample()), "pdftotext")))
	})
	t.Run("DOCX", func(t *testing.T) {
		xml := part(t, renderDOCX(t, formalSample()), "word/document.xml")
		text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(strings.ReplaceAll(xml, "</w:p>", " </w:p>"), "")
		inOrder(t, words(strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`).Replace(text)))
	})
	t.Run("VoidedSignature", func(t *testing.T) {
		d := formalSample()
		now := time.Now()
		d.Signature.VoidedAt, d.Signature.VoidedReason = &now, "A correction was opened: a name"
		text := words(poppler(t, renderPDF(t, d), "pdftotext"))
		if !strings.Contains(text, "Not signed: Dave Warner’s signature was voided (A correction was opened: a name).") || strings.Contains(text, "SHA-256") {
			t.Errorf("a voided signature: %s", text)
		}
	})
}
