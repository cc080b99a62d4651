package export_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/export"
	"github.com/minutebook/minutebook/internal/export/exporttest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/samplefile"
)

func sampleAgenda() *export.Agenda {
	m := &mb.Meeting{CommitteeCode: "OPSG", CommitteeName: "Operations Group", Number: 107, Reference: "OPSG_107_2311",
		Date: time.Date(2023, 11, 27, 0, 0, 0, 0, time.UTC), Venue: "Teleconference", Classification: mb.Clear, Status: mb.Draft}
	dcc := int64(1)
	pmr := &mb.Paper{Reference: "OPSG_107_02", Title: "Performance Measurement Report", Level: mb.Clear, CurrentVersion: 2,
		Current: mb.PaperVersion{Filename: "pmr.pdf", Size: 250 << 10}}
	secret := &mb.Paper{Reference: "OPSG_107_03", Title: "Commercial position", Level: mb.Amber}
	items := []*mb.Item{{Title: "Previous Meeting Minutes"}, {Title: "Performance Measurement Report"}, {Title: "Commercial matters", Classification: mb.Red}}
	mb.NumberItems(items)
	return &export.Agenda{
		Meeting: m, Status: "Published on 20 November 2023, revision 2", Made: time.Date(2023, 11, 21, 9, 0, 0, 0, time.UTC),
		Revisions: []string{"Agenda revised on 21 November 2023: paper OPSG_107_02 replaced"},
		Items: []*export.AgendaItem{
			{Item: &mb.AgendaItem{Item: items[0], AgendaEntry: mb.AgendaEntry{Purpose: mb.ForDecision, Duration: 5}}},
			{Item: &mb.AgendaItem{Item: items[1], AgendaEntry: mb.AgendaEntry{Purpose: mb.ForInformation,
				Presenter: mb.Presenter{OrganisationID: &dcc, Organisation: "DCC"}}},
				Papers: []export.AgendaPaper{{Paper: pmr, Note: "in this pack"}, {Paper: secret, Withheld: true}}},
			{Item: &mb.AgendaItem{Item: items[2]}, Withheld: true},
		},
	}
}

func TestAgendaPDF(t *testing.T) {
	var buf bytes.Buffer
	if err := export.AgendaPDF(&buf, sampleAgenda()); err != nil {
		t.Fatal(err)
	}
	text := words(exporttest.Text(t, buf.Bytes()))
	for _, want := range []string{
		"This document is classified as Clear", "Operations Group Meeting 107", "OPSG_107_2311 – Agenda",
		"Published on 20 November 2023, revision 2", "paper OPSG_107_02 replaced",
		"1. Previous Meeting Minutes", "For decision", "5 min", "Presenter: DCC",
		"OPSG_107_02 Performance Measurement Report (PDF, 250 KB, version 2) – in this pack",
		"Paper OPSG_107_03 is classified AMBER and is not shown.", "Item 3 is classified RED and is not shown.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the agenda's PDF does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Commercial") {
		t.Error("the PDF shows a withheld title")
	}
}

func TestMergePDF(t *testing.T) {
	var agenda bytes.Buffer
	if err := export.AgendaPDF(&agenda, sampleAgenda()); err != nil {
		t.Fatal(err)
	}
	paper := bytes.NewReader(samplefile.PDF("Performance Measurement Report", "CPM 3A was met in October."))
	if !export.ReadablePDF(paper) || export.ReadablePDF(bytes.NewReader([]byte("%PDF-1.4 not really"))) {
		t.Fatal("ReadablePDF does not tell a PDF from a damaged one")
	}
	var out bytes.Buffer
	if err := export.MergePDF(&out, []io.ReadSeeker{bytes.NewReader(agenda.Bytes()), paper}); err != nil {
		t.Fatal(err)
	}
	text := words(exporttest.Text(t, out.Bytes()))
	if !strings.Contains(text, "OPSG_107_2311 – Agenda") || !strings.Contains(text, "CPM 3A was met in October.") {
		t.Errorf("the merged pack lacks the agenda or the paper:\n%s", text)
	}
}
