package minutebook_test

import (
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestSeverityAndBands(t *testing.T) {
	opsg := &mb.Committee{Bands: mb.DefaultSeverityBands}
	tests := []struct {
		name               string
		likelihood, impact int
		severity           int
		band               string
		label              string
	}{
		{"OPSG-006", 4, 5, 20, "Critical", "Severity 20 – Critical"},
		{"OPSG-019", 4, 4, 16, "High", "Severity 16 – High"},
		{"OPSG-002", 3, 5, 15, "High", "Severity 15 – High"},
		{"OPSG-017", 5, 3, 15, "High", "Severity 15 – High"},
		{"Highest", 5, 5, 25, "Critical", "Severity 25 – Critical"},
		{"Lowest", 1, 1, 1, "Low", "Severity 1 – Low"},
		{"TopMedium", 2, 5, 10, "Medium", "Severity 10 – Medium"},
		{"BottomHigh", 3, 4, 12, "High", "Severity 12 – High"},
		{"Medium", 2, 3, 6, "Medium", "Severity 6 – Medium"},
		{"TopLow", 1, 5, 5, "Low", "Severity 5 – Low"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mb.Severity(tt.likelihood, tt.impact)
			if got != tt.severity {
				t.Fatalf("Severity(%d, %d) = %d, want %d", tt.likelihood, tt.impact, got, tt.severity)
			}
			if band := opsg.Band(got); band != tt.band {
				t.Errorf("Band(%d) = %q, want %q", got, band, tt.band)
			}
			if label := mb.SeverityLabel(got, opsg.Band(got)); label != tt.label {
				t.Errorf("label %q, want %q", label, tt.label)
			}
		})
	}

	t.Run("EveryCellHasADefaultBand", func(t *testing.T) {
		for l := 1; l <= 5; l++ {
			for i := 1; i <= 5; i++ {
				if opsg.Band(mb.Severity(l, i)) == "" {
					t.Errorf("L%d×I%d has no band", l, i)
				}
			}
		}
	})

	t.Run("CommitteeBandsOverrideDefaults", func(t *testing.T) {
		c := &mb.Committee{Bands: []mb.SeverityBand{{"Red", 15, 25}, {"Amber", 8, 14}, {"Green", 1, 7}}}
		if err := mb.ValidateBands(c.Bands); err != nil {
			t.Fatal(err)
		}
		for sev, want := range map[int]string{15: "Red", 14: "Amber", 8: "Amber", 7: "Green", 25: "Red"} {
			if got := c.Band(sev); got != want {
				t.Errorf("Band(%d) = %q, want %q", sev, got, want)
			}
		}
	})

	t.Run("ScoresOffTheScale", func(t *testing.T) {
		for _, n := range []int{0, 6, -1} {
			if mb.ValidScore(n) {
				t.Errorf("ValidScore(%d) = true", n)
			}
		}
		if !mb.ValidScore(1) || !mb.ValidScore(5) {
			t.Error("1 and 5 must be valid scores")
		}
	})
}

func TestRiskValidate(t *testing.T) {
	ok := func() *mb.Risk {
		return &mb.Risk{CommitteeID: 1, Reference: " opsg-006 ", Statement: " There is a risk … ", OwnerID: 2, Likelihood: 4, Impact: 5}
	}
	t.Run("OK", func(t *testing.T) {
		r := ok()
		r.Normalize()
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
		if r.Reference != "OPSG-006" || r.Status != mb.RiskOpen || r.Statement != "There is a risk …" {
			t.Errorf("normalized to %q %q %q", r.Reference, r.Status, r.Statement)
		}
	})
	tests := []struct {
		name  string
		edit  func(*mb.Risk)
		field string
	}{
		{"ErrStatementRequired", func(r *mb.Risk) { r.Statement = "" }, "statement"},
		{"ErrOwnerRequired", func(r *mb.Risk) { r.OwnerID = 0 }, "owner"},
		{"ErrLikelihoodOffScale", func(r *mb.Risk) { r.Likelihood = 6 }, "likelihood"},
		{"ErrImpactOffScale", func(r *mb.Risk) { r.Impact = 0 }, "impact"},
		{"ErrReferenceForm", func(r *mb.Risk) { r.Reference = "OPSG 6!" }, "reference"},
		{"ErrStatus", func(r *mb.Risk) { r.Status = "pending" }, "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ok()
			r.Normalize()
			tt.edit(r)
			err := r.Validate()
			if mb.ErrorFields(err)[tt.field] == "" {
				t.Fatalf("err = %v, want a message for %s", err, tt.field)
			}
		})
	}
}

func TestRiskReferences(t *testing.T) {
	if got := mb.RiskReference("OPSG", 6); got != "OPSG-006" {
		t.Errorf("RiskReference = %q", got)
	}
	if got := mb.RiskReference("OPSG", 1234); got != "OPSG-1234" {
		t.Errorf("RiskReference = %q", got)
	}
	for ref, want := range map[string]int{"OPSG-006": 6, "OPSG-019": 19, "OPSG-1234": 1234, "OPSG-": 0, "OPSG-X1": 0, "TABASC-006": 0, "OPSG-+6": 0, "OPSG-0": 0} {
		n, ok := mb.RiskNumber("OPSG", ref)
		if n != want || ok != (want > 0) {
			t.Errorf("RiskNumber(%q) = %d, %v; want %d", ref, n, ok, want)
		}
	}
}

func TestEscalationRules(t *testing.T) {
	risk := func(ref string, l, i int, escalated bool) *mb.Risk {
		r := &mb.Risk{Reference: ref, Likelihood: l, Impact: i, Status: mb.RiskOpen}
		if escalated {
			r.Escalations = []*mb.Escalation{{Likelihood: l, Impact: i}}
		}
		return r
	}

	t.Run("OfferedAtOrAboveThreshold", func(t *testing.T) {
		closed := risk("OPSG-030", 5, 5, false)
		closed.Status = mb.RiskClosed
		risks := []*mb.Risk{
			risk("OPSG-006", 4, 5, false), risk("OPSG-002", 3, 5, false), risk("OPSG-011", 3, 4, false),
			risk("OPSG-019", 4, 4, true), closed,
		}
		var got []string
		for _, r := range mb.OfferedForEscalation(risks, 15) {
			got = append(got, r.Reference)
		}
		if want := "OPSG-006 OPSG-002"; joinSpace(got) != want {
			t.Errorf("offered %q, want %q (not below 15, not already escalated, not closed)", got, want)
		}
	})

	t.Run("BelowThresholdIsFlaggedNotDropped", func(t *testing.T) {
		r := risk("OPSG-002", 3, 5, true)
		e := r.Escalations[0]
		e.Risk, e.Threshold = r, 15
		if e.BelowThreshold() {
			t.Fatal("15 is not below 15")
		}
		r.Likelihood = 2 // now 10
		if !e.BelowThreshold() || !e.Open() {
			t.Error("an escalated risk that falls to 10 must stay open and be flagged")
		}
		now := time.Now()
		e.WithdrawnAt = &now
		if e.BelowThreshold() {
			t.Error("a withdrawn escalation is no longer flagged")
		}
	})

	t.Run("DecisionText", func(t *testing.T) {
		refs := []string{"OPSG-006", "OPSG-019", "OPSG-002", "OPSG-017"}
		tests := []struct {
			refs     []string
			reviewed int
			want     string
		}{
			{refs, 4, "all four risks above be escalated to the SEC Panel"},
			{refs[:2], 2, "both risks above be escalated to the SEC Panel"},
			{refs[:2], 4, "that risks OPSG-006 and OPSG-019 be escalated to the SEC Panel"},
			{refs[:1], 1, "that risk OPSG-006 be escalated to the SEC Panel"},
		}
		for _, tt := range tests {
			if got := mb.EscalationDecisionText(tt.refs, tt.reviewed, "SEC Panel"); got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		}
		got := mb.WithdrawalDecisionText(refs[2:3], "SEC Panel", "its severity fell to 10, below the threshold of 15.")
		if want := "that the escalation of risk OPSG-002 to the SEC Panel be withdrawn: its severity fell to 10, below the threshold of 15"; got != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if got := mb.BodyName("The Authority"); got != "The Authority" {
			t.Errorf("BodyName = %q", got)
		}
	})

	t.Run("Trend", func(t *testing.T) {
		for _, tt := range []struct {
			from, to int
			want     string
		}{{16, 20, "Worse by 4"}, {20, 15, "Better by 5"}, {15, 15, "Unchanged"}} {
			if got := mb.Trend(tt.from, tt.to); got != tt.want {
				t.Errorf("Trend(%d, %d) = %q, want %q", tt.from, tt.to, got, tt.want)
			}
		}
	})

	t.Run("Age", func(t *testing.T) {
		e := &mb.Escalation{Meeting: &mb.Meeting{Date: time.Date(2023, 10, 23, 0, 0, 0, 0, time.UTC)}}
		for day, want := range map[string]string{
			"2023-10-23": "0 days", "2023-10-24": "1 day", "2023-11-22": "30 days",
			"2024-04-23": "6 months", "2025-11-01": "2 years",
		} {
			d, _ := time.Parse(time.DateOnly, day)
			if got := e.Age(d); got != want {
				t.Errorf("age on %s = %q, want %q", day, got, want)
			}
		}
	})

	t.Run("HeatMap", func(t *testing.T) {
		var h mb.HeatMap
		h.Add(4, 5)
		h.Add(3, 5)
		h.Add(3, 5)
		h.Add(6, 1) // off the scale: ignored
		if h.Count(4, 5) != 1 || h.Count(3, 5) != 2 || h.Count(5, 5) != 0 || h.Total != 3 {
			t.Errorf("heat map %+v", h)
		}
	})
}

func TestChronicAt(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	target := func(y int, m time.Month, d int) *time.Time { t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); return &t }
	tests := []struct {
		name      string
		a         mb.Action
		revisions int
		chronic   bool
		overdue   int
	}{
		{"LongOverdue", mb.Action{Status: mb.ActionOpen, CurrentTarget: target(2024, 1, 1)}, 0, true, 60},
		{"JustOverdue", mb.Action{Status: mb.ActionOpen, CurrentTarget: target(2024, 2, 15)}, 1, false, 15},
		{"RevisedTwice", mb.Action{Status: mb.ActionOpen, CurrentTarget: target(2024, 6, 1)}, 2, true, 0},
		{"Closed", mb.Action{Status: mb.ActionClosed, CurrentTarget: target(2023, 1, 1)}, 3, false, 0},
		{"NoTarget", mb.Action{Status: mb.ActionOpen}, 0, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := mb.ChronicAt(&tt.a, tt.revisions, day, 30)
			if ok != tt.chronic || c.DaysOverdue != tt.overdue {
				t.Errorf("chronic %v overdue %d; want %v %d", ok, c.DaysOverdue, tt.chronic, tt.overdue)
			}
		})
	}
}

func joinSpace(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestScoresForSeverity(t *testing.T) {
	for _, tc := range []struct {
		severity, likelihood, impact int
		wantL, wantI                 int
		ok                           bool
	}{
		{20, 0, 0, 4, 5, true},
		{16, 0, 0, 4, 4, true},
		{15, 0, 0, 3, 5, true},
		{12, 0, 0, 3, 4, true},
		{25, 0, 0, 5, 5, true},
		{1, 0, 0, 1, 1, true},
		{15, 5, 4, 5, 3, true}, // the current likelihood divides it: the impact moves
		{20, 3, 5, 4, 5, true}, // the current impact divides it: the likelihood moves
		{12, 4, 4, 4, 3, true},
		{14, 2, 4, 0, 0, false}, // 2 × 7 is off the scale
		{7, 0, 0, 0, 0, false},
		{0, 0, 0, 0, 0, false},
		{26, 0, 0, 0, 0, false},
	} {
		l, i, ok := mb.ScoresForSeverity(tc.severity, tc.likelihood, tc.impact)
		if l != tc.wantL || i != tc.wantI || ok != tc.ok {
			t.Errorf("ScoresForSeverity(%d, %d, %d) = %d, %d, %v; want %d, %d, %v", tc.severity, tc.likelihood, tc.impact, l, i, ok, tc.wantL, tc.wantI, tc.ok)
		}
	}
}
