package scaledemo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/minutebook/minutebook/internal/samplefile"
)

// The agendas of the data set (issue 16): every meeting's items say what
// they are for, who presents them and how long they take; every agenda is
// published a week before its meeting (those further ahead than a
// fortnight are drafts still); every meeting has two papers, whose files are
// small real ones of their own for each committee's recent and coming
// meetings, and for older meetings one of three archived files, which
// their versions share.

// recentPapers is how many of each committee's latest held meetings have
// files of their own, beside its coming meetings.
const recentPapers = 3

// papersPerMeeting is how many papers each meeting has.
const papersPerMeeting = 2

// agendaItemColumns are the agenda's columns of agenda_items, loaded with
// the items (agendaItemValues).
var agendaItemColumns = []string{"purpose", "presenter_organisation_id", "presenter_person_id", "duration_minutes"}

// agendaItemValues are what the agenda says of an item: its purpose and
// presenter by its topic, and a duration (none for a sub-item, which
// shares its item's).
func (w *world) agendaItemValues(it *item, v []any) []any {
	c := it.meeting.committee
	purpose, byGuest := "discussion", true
	switch it.topic {
	case topicPrevMinutes, topicActions, topicRisk, topicModification, topicConsultation, topicCharging:
		purpose, byGuest = "decision", false
	case topicReports, topicPMR, topicBPI, topicBPISub, topicAOB, topicAOBSub:
		purpose, byGuest = "information", it.topic != topicAOB && it.topic != topicAOBSub
	}
	var org, person, duration any
	if byGuest && len(c.guests) > 0 {
		person = c.guests[int(it.id)%len(c.guests)].id
	} else {
		org = c.secretariat.id
	}
	if it.parentID == 0 {
		duration = 5 + 5*int(it.id%6)
	}
	return append(v, purpose, org, person, duration)
}

// paperDef is a paper the generator attaches to an item of a topic.
type paperDef struct {
	ext   string
	title string
}

var papersByTopic = map[topic]paperDef{
	topicPMR:          {".pdf", "Performance Measurement Report"},
	topicReports:      {".csv", "Reporting data"},
	topicIncident:     {".docx", "Incident review"},
	topicModification: {".pdf", "Modification report"},
	topicRisk:         {".csv", "Risk register extract"},
}

// loadAgendas loads the agendas, the papers and their files.
func (l *loader) loadAgendas(ctx context.Context) error {
	w := l.w
	today := w.opts.Today
	type paper struct {
		id       int64
		it       *item
		def      paperDef
		ref      string
		class    string
		position int
		file     string // its key in paper_files
		content  []byte
	}
	type file struct {
		key     string
		content []byte
	}
	var files []file
	archive := map[string]file{}
	for _, def := range papersByTopic {
		if _, ok := archive[def.ext]; ok {
			continue
		}
		f := file{key: fileKey("archive" + def.ext)}
		f.content = sampleFile(def, "Archived "+def.title, "This paper is kept in the committee's archive.")
		archive[def.ext] = f
		files = append(files, f)
	}
	recent := map[*meeting]bool{}
	for _, c := range w.committees {
		held := 0
		for i := len(c.meetings) - 1; i >= 0; i-- {
			m := c.meetings[i]
			if !m.held || held < recentPapers {
				recent[m] = true
			}
			if m.held {
				held++
			}
		}
	}
	// Every meeting has papersPerMeeting papers, on its first top-level
	// items that are neither the previous minutes nor classified above
	// the document: the same number everywhere, so that a meeting pack's
	// statements (one per file streamed) read the same at any size.
	var papers []*paper
	for _, m := range w.meetings {
		n := 0
		for i := m.firstItem; i < len(w.items) && w.items[i].meeting == m && n < papersPerMeeting; i++ {
			it := w.items[i]
			if it.parentID != 0 || it.class != "" || it.topic == topicPrevMinutes {
				continue
			}
			def, ok := papersByTopic[it.topic]
			if !ok {
				def = paperDef{".pdf", "Paper"}
			}
			n++
			p := &paper{id: w.next("papers"), it: it, def: def, position: 1, class: maxClass(m.class, it.class),
				ref: fmt.Sprintf("%s_%d_%02d", m.committee.code, m.number, it.position)}
			if recent[m] {
				p.file = fileKey(p.ref)
				p.content = sampleFile(def, def.title+" – "+m.committee.code+" "+fmt.Sprint(m.number), it.title)
				files = append(files, file{key: p.file, content: p.content})
			} else {
				p.file, p.content = archive[def.ext].key, archive[def.ext].content
			}
			papers = append(papers, p)
		}
	}
	published := func(m *meeting) bool { return !m.date.After(today.AddDate(0, 0, 14)) }
	if err := l.copy(ctx, "agendas", []string{"meeting_id", "status", "published_at", "revision"}, len(w.meetings), func(i int, v []any) []any {
		m := w.meetings[i]
		if published(m) {
			return append(v, m.id, "published", m.date.AddDate(0, 0, -7).Add(9*time.Hour), 1)
		}
		return append(v, m.id, "draft", nil, 0)
	}); err != nil {
		return err
	}
	if err := l.copy(ctx, "paper_files", []string{"key", "storage", "created_at"}, len(files), func(i int, v []any) []any {
		return append(v, files[i].key, "postgres", today)
	}); err != nil {
		return err
	}
	if err := l.copy(ctx, "paper_chunks", []string{"file_key", "seq", "data"}, len(files), func(i int, v []any) []any {
		return append(v, files[i].key, 0, files[i].content)
	}); err != nil {
		return err
	}
	if err := l.copy(ctx, "papers", []string{"id", "meeting_id", "item_id", "position", "title", "reference", "classification", "created_at", "updated_at"},
		len(papers), func(i int, v []any) []any {
			p := papers[i]
			at := p.it.meeting.date.AddDate(0, 0, -8)
			return append(v, p.id, p.it.meeting.id, p.it.id, p.position, p.def.title+": "+p.it.title, p.ref, p.class, at, at)
		}); err != nil {
		return err
	}
	if err := l.copy(ctx, "paper_versions", []string{"paper_id", "number", "filename", "content_type", "size", "sha256", "file_key", "uploaded_by", "uploaded_at"},
		len(papers), func(i int, v []any) []any {
			p := papers[i]
			sum := sha256.Sum256(p.content)
			var by any
			if s := w.secretaryAt(p.it.meeting); s != nil {
				by = s.userID
			}
			return append(v, p.id, 1, p.ref+p.def.ext, contentTypes[p.def.ext], len(p.content), sum[:], p.file, by, p.it.meeting.date.AddDate(0, 0, -8))
		}); err != nil {
		return err
	}
	start := time.Now()
	n, err := l.b.RecordPublishedAgendas(ctx)
	if err != nil {
		return err
	}
	l.p.logf("  %-22s %9d rows  %6.1fs", "agenda_revisions", n, time.Since(start).Seconds())
	return nil
}

var contentTypes = map[string]string{
	".pdf":  "application/pdf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".csv":  "text/csv; charset=utf-8",
}

func sampleFile(def paperDef, title, text string) []byte {
	switch def.ext {
	case ".pdf":
		return samplefile.PDF(title, text)
	case ".docx":
		return samplefile.DOCX(title, text)
	}
	return samplefile.CSV([]string{"Measure", "Target", "Result"}, []string{title, "99.5", "99.1"}, []string{text, "", ""})
}

// fileKey is a stored file's key, from what it is (deterministic, as all
// of the data set is).
func fileKey(name string) string {
	sum := sha256.Sum256([]byte("scaledemo file " + name))
	return hex.EncodeToString(sum[:16])
}

// maxClass is the stricter of a document's and an item's classification.
func maxClass(doc, item string) string {
	rank := map[string]int{"CLEAR": 1, "GREEN": 2, "AMBER": 3, "RED": 4}
	if rank[item] > rank[doc] {
		return item
	}
	return doc
}
