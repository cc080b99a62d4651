package export

import mb "github.com/minutebook/minutebook/internal/minutebook"

// formalHead writes, after the apologies, whether the meeting was quorate
// and the interests declared in its items, as the minutes page does.
func formalHead(out []block, d *Document) []block {
	if q := d.Quorum; q != nil && q.Rule.Set() {
		out = append(out, block{kind: section, runs: []run{{text: "Quorum:"}}},
			block{kind: paragraph, runs: []run{{text: q.Sentence()}}})
		if q.Recorded {
			for _, iq := range q.Inquorate() {
				out = append(out, block{kind: bullet, runs: []run{{text: iq.Sentence()}}})
			}
		}
	}
	if len(d.Declarations) > 0 {
		out = append(out, block{kind: section, runs: []run{{text: "Declarations of interest:"}}})
		for _, dc := range d.Declarations {
			out = append(out, block{kind: bullet, runs: []run{{text: "Item " + dc.ItemNumber + ": ", bold: true},
				{text: dc.PersonName + " – " + dc.Nature + " (" + dc.Effect.Phrase() + ")."}}})
		}
	}
	return out
}

// voteRoll writes a named vote's roll under its decision: "For: …".
func voteRoll(out []block, d mb.Decision, kind blockKind) []block {
	if d.Vote == nil || !d.Vote.Named {
		return out
	}
	return append(out, block{kind: kind, runs: []run{{text: d.Vote.Roll(), italic: true}}, level: 1})
}
