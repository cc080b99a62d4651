package export

import (
	"io"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Agenda is a meeting's agenda as one reader may read it: the caller
// withholds what the reader may not read, as for the minutes.
type Agenda struct {
	Meeting *mb.Meeting
	// Status is the agenda's state line: "Published on 7 November 2023,
	// revision 2", "Draft".
	Status string
	// Revisions are the lines "Agenda revised on …: item 7 added", newest first.
	Revisions []string
	Items     []*AgendaItem
	// Papers are the meeting's own papers.
	Papers []AgendaPaper
	// Made is when the file is made.
	Made time.Time
}

// AgendaItem is one item of the agenda.
type AgendaItem struct {
	Item     *mb.AgendaItem
	Withheld bool
	Papers   []AgendaPaper
	Subs     []*AgendaItem
}

// AgendaPaper is a paper's line: its reference, title and file, or its
// withheld notice; Note says where it is in a pack ("page 4", "in the zip
// only").
type AgendaPaper struct {
	Paper    *mb.Paper
	Withheld bool
	Note     string
}

// AgendaPDF writes the agenda as an A4 PDF/A-2b file, as the minutes are.
func AgendaPDF(w io.Writer, a *Agenda) error {
	return writePDF(w, a.Meeting, a.Meeting.Reference+" – Agenda", a.Made, agendaFlow(a))
}

// agendaFlow is the agenda as blocks: the classification statement, the
// title, date, time and venue, "OPSG_107_2311 – Agenda" and its state, its
// revisions, the meeting's papers, then each item with its purpose,
// presenter and time and its papers (a withheld item as its notice).
func agendaFlow(a *Agenda) []block {
	out := append(documentHead(a.Meeting, a.Meeting.Reference+" – Agenda"), block{kind: paragraph, runs: []run{{text: a.Status, italic: true}}})
	for _, r := range a.Revisions {
		out = append(out, block{kind: bullet, runs: []run{{text: r}}})
	}
	if len(a.Papers) > 0 {
		out = append(out, block{kind: section, runs: []run{{text: "Papers for the meeting"}}})
		out = agendaPapers(out, a.Papers, 0)
	}
	out = append(out, block{kind: section, runs: []run{{text: "Agenda"}}})
	if len(a.Items) == 0 {
		out = append(out, block{kind: paragraph, runs: []run{{text: "No items yet.", italic: true}}})
	}
	for _, it := range a.Items {
		out = agendaItem(out, it, 0)
	}
	return out
}

func agendaItem(out []block, it *AgendaItem, level int) []block {
	if it.Withheld {
		return append(out, block{kind: notice, runs: []run{{text: mb.WithheldNotice(it.Item.Item), italic: true}}, level: level})
	}
	out = append(out, block{kind: itemHeading, runs: []run{{text: heading(it.Item.Item)}}, level: level})
	var facts []run
	add := func(label, value string) {
		if value == "" {
			return
		}
		if len(facts) > 0 {
			facts = append(facts, run{text: " · "})
		}
		facts = append(facts, run{text: label, bold: true}, run{text: value})
	}
	add("", it.Item.Purpose.Label())
	add("Presenter: ", it.Item.Presenter.Label())
	add("Time: ", it.Item.TimeLabel())
	if it.Item.Item.Classification != 0 {
		add("Classification: ", it.Item.Item.Classification.String())
	}
	if len(facts) > 0 {
		out = append(out, block{kind: paragraph, runs: facts})
	}
	out = agendaPapers(out, it.Papers, 0)
	for _, sub := range it.Subs {
		out = agendaItem(out, sub, level+1)
	}
	return out
}

func agendaPapers(out []block, papers []AgendaPaper, level int) []block {
	for _, p := range papers {
		if p.Withheld {
			out = append(out, block{kind: bullet, level: level, runs: []run{{text: mb.WithheldPaperNotice(p.Paper), italic: true}}})
			continue
		}
		v := p.Paper.Current
		rs := []run{{text: p.Paper.Reference + " ", bold: true}, {text: p.Paper.Title + " (" + v.Kind().Label + ", " + v.SizeLabel()}}
		if p.Paper.CurrentVersion > 1 {
			rs[1].text += ", version " + itoa(p.Paper.CurrentVersion)
		}
		rs[1].text += ")"
		if p.Note != "" {
			rs = append(rs, run{text: " – " + p.Note, italic: true})
		}
		out = append(out, block{kind: bullet, level: level, runs: rs})
	}
	return out
}
