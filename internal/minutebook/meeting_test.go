package minutebook

import (
	"testing"
	"time"
)

func TestMeetingHeader(t *testing.T) {
	m := &Meeting{CommitteeCode: "OPSG", CommitteeName: "Operations Group", Number: 105, Date: day(2023, 10, 23),
		Start: &TimeOfDay{12, 20}, End: &TimeOfDay{16, 0}, Status: Published, Classification: Clear}
	m.Reference = MeetingReference(m.CommitteeCode, m.Number, m.Date)
	for got, want := range map[string]string{
		m.Reference:       "OPSG_105_2310",
		m.Title():         "Operations Group Meeting 105",
		m.TimeLabel():     "12:20 – 16:00",
		m.DateLabel():     "23 October 2023",
		m.DocumentTitle(): "OPSG_105_2310 – Final Minutes",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	m.Status = Circulated
	if got := m.DocumentTitle(); got != "OPSG_105_2310 – Draft Minutes" {
		t.Errorf("circulated title %q", got)
	}
	if got := Clear.Disclosure(); got != "Recipients can distribute this information to the world, there is no limit on disclosure. Information may be shared without restriction subject to copyright." {
		t.Errorf("CLEAR disclosure %q", got)
	}
}

func TestMeetingValidate(t *testing.T) {
	ok := Meeting{CommitteeID: 1, Number: 1, Kind: MainMeeting, Date: day(2023, 1, 1), Classification: Amber}
	tests := []struct {
		name  string
		edit  func(*Meeting)
		field string
	}{
		{"NoNumber", func(m *Meeting) { m.Number = 0 }, "number"},
		{"NoDate", func(m *Meeting) { m.Date = time.Time{} }, "date"},
		{"EndBeforeStart", func(m *Meeting) { m.Start, m.End = &TimeOfDay{16, 0}, &TimeOfDay{12, 20} }, "end"},
		{"EndWithoutStart", func(m *Meeting) { m.End = &TimeOfDay{16, 0} }, "start"},
		{"BadKind", func(m *Meeting) { m.Kind = "picnic" }, "kind"},
		{"NoClassification", func(m *Meeting) { m.Classification = 0 }, "classification"},
	}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid meeting: %v", err)
	}
	for _, tt := range tests {
		m := ok
		tt.edit(&m)
		if _, has := ErrorFields(m.Validate())[tt.field]; !has {
			t.Errorf("%s: no message for %s", tt.name, tt.field)
		}
	}
}
