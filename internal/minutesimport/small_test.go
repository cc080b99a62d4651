package minutesimport

import (
	"reflect"
	"strings"
	"testing"
)

// Small documents, each showing one rule of the parser.
func TestParseSmall(t *testing.T) {
	t.Run("NumberedLinesInsideAMinuteAreNotHeadings", func(t *testing.T) {
		doc := ParseText("1. Previous Meeting Minutes\n\nThe DCC listed:\n\n2. The DCC reported a fix.\n3 million meters were affected\n1.5 Million Homes\n\n2. Actions Outstanding\n", Options{})
		var got []string
		for _, it := range doc.Items {
			got = append(got, it.Number)
		}
		if want := []string{"1", "2"}; !reflect.DeepEqual(got, want) {
			t.Errorf("items %q, want %q", got, want)
		}
	})
	t.Run("ApprovedAsFinalIsTheStatus", func(t *testing.T) {
		doc := ParseText("This document is classified as **Clear**.\nOperations Group Meeting 105\n23 October 2023\nOPSG_105_2310 – Final Minutes\n**Approved as final at OPSG 106.**\n", Options{})
		if doc.Meeting.Status != "final" || len(doc.Unrecognised) != 0 || len(doc.Warnings) != 0 {
			t.Errorf("status %q, unrecognised %+v, warnings %+v", doc.Meeting.Status, doc.Unrecognised, doc.Warnings)
		}
	})
	t.Run("AnAddressIsNotTheFirstItem", func(t *testing.T) {
		doc := ParseText("Operations Group Meeting 105\n23 October 2023\n1 Canada Square, London\n", Options{})
		if len(doc.Items) != 0 || doc.Meeting.Venue != "1 Canada Square, London" {
			t.Errorf("items %+v, venue %q", doc.Items, doc.Meeting.Venue)
		}
	})
	t.Run("VenueOnTheDateLine", func(t *testing.T) {
		doc := ParseText("Operations Group Meeting 105\nTuesday 14 November 2023, 10:00 – 13:00, Gemserv, 8 Fenchurch Place, London\n", Options{})
		m := doc.Meeting
		if m.Date != "2023-11-14" || m.Start != "10:00" || m.End != "13:00" || m.Venue != "Gemserv, 8 Fenchurch Place, London" {
			t.Errorf("meeting %+v", m)
		}
	})
	t.Run("ActionMustBeWrittenAsOne", func(t *testing.T) {
		doc := ParseText("1. Actions\n\nAction 105/01 was closed by the DCC.\n\nAction 105/02 – The Chair to write to the Panel.\n", Options{})
		want := []Action{{Ref: "105/02", Text: "The Chair to write to the Panel.", Owner: "Chair", Line: 5}}
		if !reflect.DeepEqual(doc.Items[0].Actions, want) || doc.Items[0].Text != "Action 105/01 was closed by the DCC." {
			t.Errorf("actions %+v, text %q", doc.Items[0].Actions, doc.Items[0].Text)
		}
	})
	t.Run("ActionWithoutOwner", func(t *testing.T) {
		doc := ParseText("1. Actions\n\nACTION 105/01: Circulate the slides.\n", Options{})
		if a := doc.Items[0].Actions[0]; a.Owner != "" || len(doc.Warnings) == 0 || !hasLine(doc.Warnings, 3, func(w Warning) int { return w.Line }) {
			t.Errorf("action %+v, warnings %+v", a, doc.Warnings)
		}
	})
	t.Run("LooseApologies", func(t *testing.T) {
		doc := ParseText("Apologies: Conroy Saunders (SECAS); Geoff Huckerby – Other SEC Parties\n", Options{})
		want := []Apology{{Name: "Conroy Saunders", Representing: "SECAS", Line: 1}, {Name: "Geoff Huckerby", Representing: "Other SEC Parties", Line: 1}}
		if !reflect.DeepEqual(doc.Apologies, want) {
			t.Errorf("apologies %+v", doc.Apologies)
		}
	})
	t.Run("NoApologies", func(t *testing.T) {
		doc := ParseText("Apologies:\nNone\n", Options{})
		if len(doc.Apologies) != 0 || len(doc.Unrecognised) != 0 {
			t.Errorf("apologies %+v, unrecognised %+v", doc.Apologies, doc.Unrecognised)
		}
	})
	t.Run("NextMeetingSayingMoreIsKept", func(t *testing.T) {
		doc := ParseText("1. AOB\n\nThe next meeting will be held on 14 November 2023 in London.\n", Options{})
		if want := []NextMeeting{{Kind: "main", Date: "2023-11-14", Venue: "London"}}; !reflect.DeepEqual(doc.NextMeetings, want) {
			t.Errorf("next meetings %v", doc.NextMeetings)
		}
		// The sentence stays in the minute, which it is part of.
		if !strings.Contains(doc.Items[0].Text, "in London") {
			t.Errorf("text %q, warnings %+v", doc.Items[0].Text, doc.Warnings)
		}
	})
	t.Run("DecisionsWithoutBold", func(t *testing.T) {
		doc := ParseText("1. Minutes\n\nThe OPSG APPROVED the minutes. The OPSG Chair thanked members.\n\nThe OPSG:\nNOTED the update.\nAGREED the plan.\n", Options{})
		if got, want := kindsOf(doc), (decisionKinds{"1 APPROVED", "1 NOTED", "1 AGREED"}); !reflect.DeepEqual(got, want) {
			t.Errorf("decisions %q, want %q", got, want)
		}
		if doc.Items[0].Text != "The OPSG Chair thanked members." {
			t.Errorf("text %q", doc.Items[0].Text)
		}
	})
	t.Run("RiskWithoutSeverity", func(t *testing.T) {
		doc := ParseText("1. Risks\n\n- OPSG-021: There is a risk of delay.\n", Options{})
		if len(doc.Risks) != 1 || doc.Risks[0].Severity != 0 || !hasLine(doc.Warnings, 3, func(w Warning) int { return w.Line }) {
			t.Errorf("risks %+v, warnings %+v", doc.Risks, doc.Warnings)
		}
	})
	t.Run("ReferenceAndDateDisagree", func(t *testing.T) {
		doc := ParseText("Operations Group Meeting 105\n23 October 2023\nOPSG_105_2311 – Final Minutes\nThis document is classified as Clear.\n", Options{})
		if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Text, "does not match") {
			t.Errorf("warnings %+v", doc.Warnings)
		}
	})
	t.Run("MissingHeadingIsReported", func(t *testing.T) {
		doc := ParseText("1. Minutes\n", Options{})
		if len(doc.Warnings) != 6 {
			t.Errorf("warnings %+v, want one for each missing part of the heading", doc.Warnings)
		}
		for _, w := range doc.Warnings {
			if w.Line != 0 {
				t.Errorf("warning about the document at line %d: %s", w.Line, w.Text)
			}
		}
	})
}
