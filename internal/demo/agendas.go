package demo

import (
	"bytes"
	"context"
	"fmt"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/samplefile"
	"github.com/minutebook/minutebook/internal/upload"
)

// agendas builds the agendas of the OPSG's next two meetings: 106's,
// published with its papers (a Word document, PDFs, a CSV and an AMBER
// PDF the public sees withheld; one names MP242, whose page shows it) and revised once since (a paper
// replaced), and 107's, a draft of the items planned for it. The papers
// are small real files made here.
func (l *loader) agendas(ctx context.Context) error {
	sec, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	ctx = mb.NewContextWithActor(ctx, sec)
	m106, err := l.store.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		return err
	}
	m107, err := l.store.MeetingByNumber(ctx, "OPSG", 107)
	if err != nil {
		return err
	}
	dcc, secas, chair := l.orgs["DCC"], l.orgs["SECAS"], l.people["Dave Warner"]

	// OPSG 106: its one item, the approval of 105's minutes, as the agenda has it.
	a106, err := l.store.Agenda(ctx, m106)
	if err != nil {
		return err
	}
	if len(a106.Items) == 0 {
		return fmt.Errorf("OPSG 106 has no item for its agenda")
	}
	previous := a106.Items[0].Item
	start := mb.TimeOfDay{Hour: 10, Minute: 0}
	if err := l.store.UpdateAgendaItem(ctx, previous, mb.AgendaEntry{Purpose: mb.ForDecision,
		Presenter: mb.Presenter{PersonID: &chair}, Start: &start, Duration: 10}); err != nil {
		return err
	}
	papers := []struct {
		item           *int64
		ref, title     string
		name           string
		content        []byte
		classification mb.Classification
	}{
		{&previous.ID, "OPSG_106_01", "OPSG 105 minutes for approval", "OPSG_105_2310 Draft Minutes.docx",
			samplefile.DOCX("OPSG_105_2310 – Draft Minutes", "Operations Group Meeting 105, 23 October 2023, Teleconference.",
				"The minutes of the meeting, for the OPSG to approve as final."), mb.Clear},
		{nil, "OPSG_106_02", "Performance Measurement Report – October 2023", "OPSG_106_02 PMR October 2023.pdf",
			samplefile.PDF("Performance Measurement Report – October 2023", "SECAS's review of the DCC's performance against the Code Performance Measures in October 2023.",
				"CPM 3A: 99.4% (target 99.5%). CPM 4: 78% (minimum service level 96%). CPM 6: 99.6%."), mb.Clear},
		{nil, "OPSG_106_03", "CPM performance data – October 2023", "OPSG_106_03 CPM data.csv",
			samplefile.CSV([]string{"Measure", "Target", "Minimum", "October 2023"},
				[]string{"CPM 1", "99.5", "96.0", "99.9"}, []string{"CPM 3A", "99.5", "96.0", "99.4"},
				[]string{"CPM 4", "99.5", "96.0", "78.0"}, []string{"CPM 6", "99.5", "96.0", "99.6"}), mb.Clear},
		{nil, "OPSG_106_04", "DCC Major Incident Review – INC000001076111", "OPSG_106_04 Incident Review.pdf",
			samplefile.PDF("DCC Major Incident Review – INC000001076111", "Root cause, incident management and remediation of the Category 1 Major Incident of 20 August 2023.",
				"For the OPSG's members only: it names the service provider's internal systems."), mb.Amber},
		// Returned by the Panel's 119th meeting: MP242's page shows it.
		{nil, "OPSG_106_05", "MP242 definitions of re-try success and subsequent success", "OPSG_106_05 MP242 Success Definitions.pdf",
			samplefile.PDF("MP242 – Definitions of Success", "SECAS's proposed definitions of re-try success and subsequent success, for the OPSG's view as the SEC Panel asked.",
				"Re-try success: a service request that succeeds on a later attempt within 24 hours. Subsequent success: an unsolicited or delayed response."), mb.Clear},
	}
	var pmr *mb.Paper
	for _, x := range papers {
		p := &mb.Paper{MeetingID: m106.ID, ItemID: x.item, Title: x.title, Reference: x.ref, Classification: x.classification}
		if err := l.paper(ctx, p, x.name, x.content); err != nil {
			return err
		}
		if x.ref == "OPSG_106_02" {
			pmr = p
		}
	}
	if err := l.store.PublishAgenda(ctx, m106.ID); err != nil {
		return err
	}
	// Revised once after publication: the PMR with the final CPM 4 figure.
	v, err := l.file(ctx, "OPSG_106_02 PMR October 2023 v2.pdf", samplefile.PDF("Performance Measurement Report – October 2023 (revised)",
		"SECAS's review of the DCC's performance against the Code Performance Measures in October 2023, with the final CPM 4 figure.",
		"CPM 3A: 99.4% (target 99.5%). CPM 4: 79.2% (minimum service level 96%). CPM 6: 99.6%."))
	if err != nil {
		return err
	}
	if err := l.store.ReplacePaper(ctx, m106.ID, pmr.ID, pmr.Version, v); err != nil {
		return err
	}

	// OPSG 107: a draft agenda of the items planned for it.
	one := mb.TimeOfDay{Hour: 13, Minute: 0}
	for _, x := range []struct {
		title string
		e     mb.AgendaEntry
	}{
		{"Performance Measurement Report – October 2023", mb.AgendaEntry{Purpose: mb.ForInformation, Presenter: mb.Presenter{OrganisationID: &secas}, Start: &one, Duration: 30}},
		{"3G Sunsetting Performance", mb.AgendaEntry{Purpose: mb.ForDiscussion, Presenter: mb.Presenter{OrganisationID: &dcc}, Duration: 30}},
		{"Any Other Business", mb.AgendaEntry{Purpose: mb.ForInformation, Duration: 10}},
	} {
		if err := l.store.CreateAgendaItem(ctx, &mb.Item{MeetingID: m107.ID, Title: x.title}, x.e); err != nil {
			return err
		}
	}
	return nil
}

// file checks and stores a demo paper's file as an upload is.
func (l *loader) file(ctx context.Context, name string, content []byte) (mb.PaperVersion, error) {
	up, err := upload.Paper(name, bytes.NewReader(content))
	if err != nil {
		return mb.PaperVersion{}, err
	}
	return l.store.PutPaperFile(ctx, up)
}

// paper stores a demo paper with its file.
func (l *loader) paper(ctx context.Context, p *mb.Paper, name string, content []byte) error {
	v, err := l.file(ctx, name, content)
	if err != nil {
		return err
	}
	return l.store.CreatePaper(ctx, p, v)
}
