package minutebook

import (
	"fmt"
	"strconv"
	"strings"
)

// The scales of a risk's likelihood and impact.
const (
	MinScore = 1
	MaxScore = 5
)

// Severity is likelihood × impact, from 1 to 25.
func Severity(likelihood, impact int) int { return likelihood * impact }

// ValidScore reports whether n is on the 1–5 scale of likelihood and impact.
func ValidScore(n int) bool { return n >= MinScore && n <= MaxScore }

// SeverityLabel is how the minutes print the severity: "Severity 20 – Critical".
func SeverityLabel(severity int, band string) string {
	if band == "" {
		return "Severity " + strconv.Itoa(severity)
	}
	return fmt.Sprintf("Severity %d – %s", severity, band)
}

// SeverityBand labels a range of risk severities ("High", 12–19).
type SeverityBand struct {
	Name string
	Min  int
	Max  int
}

// DefaultSeverityBands are the bands of a new committee.
var DefaultSeverityBands = []SeverityBand{
	{Name: "Critical", Min: 20, Max: 25},
	{Name: "High", Min: 12, Max: 19},
	{Name: "Medium", Min: 6, Max: 11},
	{Name: "Low", Min: 1, Max: 5},
}

// ValidateBands checks that bands cover 1–25 once each, with no gap or overlap.
func ValidateBands(bands []SeverityBand) error {
	if len(bands) == 0 {
		return Errorf(EINVALID, "Give at least one severity band.")
	}
	var covered [26]string
	for _, b := range bands {
		if strings.TrimSpace(b.Name) == "" {
			return Errorf(EINVALID, "Every severity band needs a name.")
		}
		if b.Min < 1 || b.Max > 25 || b.Min > b.Max {
			return Errorf(EINVALID, "Band %s must run from a lower to a higher severity within 1–25.", b.Name)
		}
		for s := b.Min; s <= b.Max; s++ {
			if covered[s] != "" {
				return Errorf(EINVALID, "Severity %d is in both %s and %s.", s, covered[s], b.Name)
			}
			covered[s] = b.Name
		}
	}
	for s := 1; s <= 25; s++ {
		if covered[s] == "" {
			return Errorf(EINVALID, "Severity %d is in no band.", s)
		}
	}
	return nil
}
