// Package export renders a meeting's minutes, as one reader may read them,
// to the two files a secretariat circulates and archives: a PDF (A4, fonts
// embedded, the classification and reference on every page, "Page X of Y",
// PDF/A-2b) and a Word .docx (heading styles for the items, real tables for
// the attendance, apologies and actions outstanding) that minutebook's own
// importer reads back into the same structure.
//
// It renders what it is given and decides nothing about who may read what:
// the caller builds the [Document] with the same code that builds the
// minutes page (withheld items arrive marked Withheld and are written as
// their notice, never their text; the actions outstanding arrive already
// cut to the reader's level, with a count of those left out). It speaks no
// SQL and no HTTP.
//
// The PDF is drawn with codeberg.org/go-pdf/fpdf, the maintained home of
// go-pdf/fpdf (see the README for why); the .docx is written with
// archive/zip and encoding/xml, since no well-kept Go library writes it.
package export

import (
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Document is a meeting's minutes as one reader may read them, shaped as the
// model document: the head, the attendee tables, the numbered items, the
// actions outstanding table and the next meetings.
type Document struct {
	Meeting   *mb.Meeting
	Members   []mb.AttendeeGroup
	Others    []mb.AttendeeGroup
	Apologies []mb.AttendeeGroup
	Items     []*Item
	// Outstanding holds the rows of the actions outstanding table the
	// reader may see; OutstandingWithheld counts the rows left out.
	Outstanding         []mb.OutstandingAction
	OutstandingWithheld int
	// OutstandingInItem is set when an item holds the table (Item.Outstanding);
	// otherwise it closes the document in a section of its own.
	OutstandingInItem bool
	Next              []mb.NextMeeting
	// ApprovedBy names the meeting that approved the minutes ("OPSG 106").
	ApprovedBy string
	// Signature is the chair's signature of the minutes, standing or
	// voided; nil when they were never signed.
	Signature *mb.Signature
	// Declarations are the interests declared in the items the reader may
	// read, listed after the apologies; Quorum says whether the meeting
	// was quorate (nil, or without a rule, when the committee has none).
	Declarations []mb.Declaration
	Quorum       *mb.QuorumRecord
	// Version names the stored version the document is, when it is one
	// ("Version 3 – Approved"), for the history page's downloads; "" for
	// the minutes as they stand.
	Version string
	// Made is when the file is made: the PDF's and .docx's creation date.
	Made time.Time
}

// Item is one agenda item as the reader sees it.
type Item struct {
	Item *mb.Item
	// Withheld items are above the reader's level: only their notice is
	// written (Item then holds no more than its number and classification).
	Withheld bool
	Children []*Item
	// Outstanding places the actions outstanding table in this item.
	Outstanding bool
	// Reviews are the risk reviews recorded in the item, written after its
	// minute and before its decisions, as item 6 of the model document.
	Reviews []mb.RiskReview
	// Quorum is set when the item was inquorate.
	Quorum *mb.ItemQuorum
}

// approval is what the head of approved minutes says about their approval:
// "Approved as final at OPSG 106.", the chair's signature ("Signed by Dave
// Warner on 14 November 2023.") and the SHA-256 of the version signed, by
// which a reader checks a copy against the stored version; or that a
// correction voided the signature. Both formats print whatever lines this
// returns.
func approval(d *Document) []string {
	var out []string
	if d.ApprovedBy != "" {
		out = append(out, "Approved as final at "+d.ApprovedBy+".")
	}
	switch s := d.Signature; {
	case s == nil:
	case s.Standing():
		out = append(out, s.Line(), s.HashLine())
	default:
		out = append(out, "Not signed: "+s.SignerName+"’s signature was voided ("+s.VoidedReason+").")
	}
	return out
}

// FileName is the name a downloaded file is saved under, from the document
// reference and status: "OPSG/105/2310 Final Minutes.pdf", or with the
// version for a stored one. The server makes it safe to send (its
// downloads keep only letters, digits, spaces, "_", "-" and ".").
func FileName(m *mb.Meeting, version int, ext string) string {
	name := m.Reference + " " + m.Status.DocumentLabel()
	if m.Reference == "" {
		name = m.ShortName() + " " + m.Status.DocumentLabel()
	}
	if version > 0 {
		name += " v" + itoa(version)
	}
	return name + "." + ext
}
