package minutesimport

import (
	"archive/zip"
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// buildDocx makes a .docx from the XML parts in testdata/docx, so that no
// binary file needs to be kept in the repository.
func buildDocx(tb testing.TB) []byte {
	tb.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
	}
	for _, name := range []string{"document.xml", "numbering.xml", "styles.xml"} {
		b, err := os.ReadFile("testdata/docx/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		parts["word/"+name] = string(b)
	}
	return zipParts(tb, parts)
}

func zipParts(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/numbering.xml", "word/styles.xml"} {
		s, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(s)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocxText(t *testing.T) {
	text, err := DocxText(buildDocx(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"This document is classified as **Green** in accordance",
		"14 Nov 2023, 10:00 – 11:30\n",
		// Table rows as tab-separated cells; a cell with two paragraphs
		// gives two lines; a merged cell is empty.
		"**Category**\t**SSC Members**\nSSC Chair\tPat Chair\nLarge Suppliers\tLee One\n\tMax Two\n\tNoor Three (Alternate for Olu Four)\n",
		// Word's automatic numbering written out, from the paragraph and
		// from the style.
		"\n1. Previous Meeting Minutes\n",
		"\n2. Security Incident\n\n2.1. Incident Summary\n",
		// Bold split over runs is merged; deleted text is dropped.
		"The SSC **APPROVED** the minutes of SSC 249.\n",
		// A line break inside a paragraph.
		"summary of the incident\nand the DCC's response.\n",
		// A bulleted list runs on, line by line.
		"The SSC:\n\n- **NOTED** the summary.\n- **AGREED** to review",
		"**ACTION 250/01:** The DCC to report the root cause.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Deleted words") || strings.Count(text, "Next Main Meeting") != 1 {
		t.Errorf("deleted text or an alternate rendering came through:\n%s", text)
	}
}

func TestParseDocx(t *testing.T) {
	data := buildDocx(t)
	doc, err := Parse(bytes.NewReader(data), "ssc-250.docx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := DocxText(data)
	for _, p := range unaccounted(doc, text) {
		t.Error(p)
	}
	want := Meeting{
		Committee: "SSC", CommitteeName: "Security Sub-Committee", Number: 250, Kind: "extraordinary",
		Date: "2023-11-14", Start: "10:00", End: "11:30", Venue: "Teleconference",
		Reference: "SSC_250_2311", Status: "final", Classification: "GREEN",
	}
	if doc.Meeting != want {
		t.Errorf("meeting %+v\nwant %+v", doc.Meeting, want)
	}
	type person struct{ name, category, alt string }
	var got []person
	for _, a := range doc.Attendees {
		got = append(got, person{a.Name, a.Category, a.AlternateFor})
	}
	wantPeople := []person{{"Pat Chair", "SSC Chair", ""}, {"Lee One", "Large Suppliers", ""}, {"Max Two", "Large Suppliers", ""}, {"Noor Three", "Large Suppliers", "Olu Four"}}
	if !reflect.DeepEqual(got, wantPeople) {
		t.Errorf("attendees %v\nwant %v", got, wantPeople)
	}
	if len(doc.Apologies) != 1 || doc.Apologies[0].Name != "Ian Drummond" || doc.Apologies[0].Representing != "DCC" {
		t.Errorf("apologies %+v", doc.Apologies)
	}
	var numbers []string
	for _, it := range doc.Items {
		numbers = append(numbers, it.Number+" "+it.Title)
	}
	if want := []string{"1 Previous Meeting Minutes", "2 Security Incident", "2.1 Incident Summary"}; !reflect.DeepEqual(numbers, want) {
		t.Errorf("items %q, want %q", numbers, want)
	}
	if got, want := kindsOf(doc), (decisionKinds{"1 APPROVED", "2.1 NOTED", "2.1 AGREED"}); !reflect.DeepEqual(got, want) {
		t.Errorf("decisions %q, want %q", got, want)
	}
	if got, want := doc.Items[2].Text, "SECAS presented the summary of the incident and the DCC's response."; got != want {
		t.Errorf("item 2.1 text %q, want %q", got, want)
	}
	if want := []Action{{Ref: "250/01", Text: "The DCC to report the root cause.", Owner: "DCC", Line: doc.Items[2].Actions[0].Line}}; !reflect.DeepEqual(doc.Items[2].Actions, want) {
		t.Errorf("actions %+v", doc.Items[2].Actions)
	}
	if want := []NextMeeting{{Kind: "main", Date: "2023-12-12"}}; !reflect.DeepEqual(doc.NextMeetings, want) {
		t.Errorf("next meetings %v", doc.NextMeetings)
	}
	if len(doc.Unrecognised) != 0 || len(doc.Warnings) != 0 {
		t.Errorf("unrecognised %+v\nwarnings %+v", doc.Unrecognised, doc.Warnings)
	}
}

func TestParseDocxDamaged(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts map[string]string
	}{
		{"NoDocument", map[string]string{"[Content_Types].xml": "<Types/>"}},
		{"BadXML", map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseDocx(zipParts(t, tc.parts), Options{}); err == nil {
				t.Error("no error")
			}
		})
	}
}
