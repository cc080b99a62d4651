package minutebook

import (
	"testing"
	"time"
)

func TestReaderCanReadMinutes(t *testing.T) {
	const opsg, panel, tabasc = 1, 2, 3
	parents := map[int64]int64{opsg: panel, tabasc: panel}
	anon := Anonymous
	user := &Reader{User: &User{ID: 1}, Parents: parents}
	member := &Reader{User: &User{ID: 2}, Roles: map[int64][]MemberRole{opsg: {RoleMember}}, Parents: parents}
	sec := &Reader{User: &User{ID: 3}, Roles: map[int64][]MemberRole{opsg: {RoleSecretariat}}, Parents: parents}
	panelChair := &Reader{User: &User{ID: 4}, Roles: map[int64][]MemberRole{panel: {RoleChair}}, Parents: parents}
	admin := &Reader{User: &User{ID: 5, Admin: true}, Parents: parents}
	readers := []struct {
		name string
		r    *Reader
	}{{"anonymous", anon}, {"user", user}, {"member", member}, {"secretariat", sec}, {"panel-chair", panelChair}, {"admin", admin}}

	tests := []struct {
		status   MinutesStatus
		level    Classification
		recorded bool
		want     [6]bool // in readers' order
	}{
		{Published, Clear, false, [6]bool{true, true, true, true, true, true}},
		{Published, Green, false, [6]bool{false, true, true, true, true, true}},
		{Published, Amber, false, [6]bool{false, false, true, true, false, true}},
		{Published, Red, false, [6]bool{false, false, false, true, false, true}},
		{Published, Red, true, [6]bool{false, true, true, true, true, true}},
		{Approved, Clear, false, [6]bool{false, false, true, true, false, true}},
		{Circulated, Clear, false, [6]bool{false, false, true, true, false, true}},
		{Circulated, Red, false, [6]bool{false, false, false, true, false, true}},
		{Draft, Clear, false, [6]bool{false, false, false, true, false, true}},
	}
	for _, tt := range tests {
		m := &Meeting{CommitteeID: opsg, Status: tt.status, Classification: tt.level}
		for i, rd := range readers {
			if got := rd.r.CanReadMinutes(m, tt.recorded); got != tt.want[i] {
				t.Errorf("%s %s recorded=%v as %s: got %v, want %v", tt.status, tt.level, tt.recorded, rd.name, got, tt.want[i])
			}
		}
	}
}

func TestReaderOversees(t *testing.T) {
	// PANEL > OPSG > WG (a working group two levels down).
	const opsg, panel, wg = 1, 2, 3
	parents := map[int64]int64{opsg: panel, wg: opsg}
	chair := &Reader{User: &User{ID: 1}, Roles: map[int64][]MemberRole{panel: {RoleChair}}, Parents: parents}
	member := &Reader{User: &User{ID: 2}, Roles: map[int64][]MemberRole{panel: {RoleMember}}, Parents: parents}
	if !chair.Oversees(opsg) || !chair.Oversees(wg) {
		t.Error("the Panel chair should oversee its sub-committees at any depth")
	}
	if chair.Oversees(panel) {
		t.Error("a body does not oversee itself")
	}
	if member.Oversees(opsg) || member.OverseesAny() {
		t.Error("a Panel member is not an overseer")
	}
	if !chair.OverseesAny() {
		t.Error("the Panel chair oversees something")
	}
	loop := &Reader{User: &User{ID: 3}, Parents: map[int64]int64{1: 2, 2: 1}}
	if loop.Oversees(1) {
		t.Error("a parent loop must end, and oversees nothing")
	}
}

func TestValidateBands(t *testing.T) {
	tests := []struct {
		name  string
		bands []SeverityBand
		ok    bool
	}{
		{"Defaults", DefaultSeverityBands, true},
		{"OneBand", []SeverityBand{{"All", 1, 25}}, true},
		{"Gap", []SeverityBand{{"High", 12, 25}, {"Low", 1, 10}}, false},
		{"Overlap", []SeverityBand{{"High", 10, 25}, {"Low", 1, 12}}, false},
		{"OutOfRange", []SeverityBand{{"All", 0, 25}}, false},
		{"Unnamed", []SeverityBand{{"", 1, 25}}, false},
		{"None", nil, false},
	}
	for _, tt := range tests {
		if err := ValidateBands(tt.bands); (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
	c := &Committee{Bands: DefaultSeverityBands}
	for sev, want := range map[int]string{25: "Critical", 20: "Critical", 16: "High", 15: "High", 12: "High", 11: "Medium", 5: "Low", 1: "Low"} {
		if got := c.Band(sev); got != want {
			t.Errorf("Band(%d) = %q, want %q", sev, got, want)
		}
	}
}

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
