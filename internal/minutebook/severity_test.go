package minutebook

import "testing"

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
