package minutesimport

import (
	"regexp"
	"strings"
)

// Risks as other bodies review them: "Risk R-022 (likelihood 4, impact 4:
// 16, High): calibration certificates …", "CR3 – Cyber attack on the code
// systems: likelihood 4, impact 5, score 20 (unchanged).", and in passing:
// "… raised risk ITF-R05 (loss of time integrity …) to likelihood 5,
// impact 4, severity 20 (Critical)."

var (
	riskRefPattern = `[A-Z][A-Z0-9]{0,15}(?:-[A-Z]{0,3}\d{1,4}|\d{1,4})`
	// scoreRE is a risk's scores in words.
	scoreRE = regexp.MustCompile(`(?i)likelihood\s+(?:of\s+)?([1-5])\s*[,;]?\s*(?:and\s+)?impact\s+(?:of\s+)?([1-5])(?:\s*(?:[:,;=]|\bgiving\b)\s*(?:(?:a\s+)?(?:severity|score|rating)\s+(?:of\s+)?)?(\d{1,2}))?(?:\s*[,(]\s*((?:very\s+)?(?:critical|high|medium|moderate|low))\b\)?)?`)
	// riskLeadRE is a paragraph that begins with the risk: "Risk R-022
	// (…): …", "CR3 – Cyber attack …: likelihood …".
	riskLeadRE = regexp.MustCompile(`^(?:(?i:risk)\s+)?(` + riskRefPattern + `)\s*(\([^()]*\))?\s*[:–—-]\s*(.+)$`)
	// riskNamedRE is a risk named in passing: "risk ITF-R05 (…)".
	riskNamedRE = regexp.MustCompile(`\b(?i:risk)\s+(` + riskRefPattern + `)\b\s*(?:\(([^()]{2,200})\))?`)
	// previousRE is what a risk's severity was: "reduced from 12".
	previousRE  = regexp.MustCompile(`(?i)\b(?:reduced|down|fallen|fell|increased|up|risen|rose|raised)\s+from\s+(\d{1,2})\b`)
	bandAfterRE = regexp.MustCompile(`^\s*\(\s*((?:very\s+)?(?:critical|high|medium|moderate|low))\s*\)`)
)

// riskScored reads a paragraph that reviews a risk with its scores in
// words. It reports false when the paragraph does not.
func (p *parser) riskScored(b *block, plain string) bool {
	s := scoreRE.FindStringSubmatchIndex(plain)
	if s == nil {
		return false
	}
	r := Risk{Likelihood: atoi(plain[s[2]:s[3]]), Impact: atoi(plain[s[4]:s[5]]), Line: b.lines[0]}
	if s[6] >= 0 {
		r.Severity = atoi(plain[s[6]:s[7]])
	} else {
		r.Severity = r.Likelihood * r.Impact
	}
	if s[8] >= 0 {
		r.Band = titleCase(plain[s[8]:s[9]])
	} else if m := bandAfterRE.FindStringSubmatch(plain[s[1]:]); m != nil {
		r.Band = titleCase(m[1])
	}
	after := plain[s[1]:min(len(plain), s[1]+30)] // the clause after the scores
	switch {
	case previousRE.MatchString(after):
		r.PreviousSeverity = atoi(previousRE.FindStringSubmatch(after)[1])
	case strings.Contains(strings.ToLower(after), "unchanged"):
		r.PreviousSeverity = r.Severity
	}
	if lead := riskLeadRE.FindStringSubmatch(plain); lead != nil && (strings.Contains(lead[1], "-") || strings.HasPrefix(plain, lead[1]+" ")) {
		r.Ref = lead[1]
		text := lead[3]
		if k := strings.Index(text, ": likelihood"); k >= 0 {
			text = text[:k] // "Cyber attack on the code systems: likelihood 4, …"
		} else if k := sentenceEnd(text, 0); k > 0 {
			text = text[:k]
		}
		r.Text = strings.TrimSpace(text)
	} else if named := riskNamedRE.FindStringSubmatch(plain); named != nil {
		r.Ref, r.Text = named[1], cleanText(named[2])
	} else {
		return false
	}
	if r.Severity != r.Likelihood*r.Impact {
		p.warn(r.Line, "risk %s: likelihood %d × impact %d is not its severity %d", r.Ref, r.Likelihood, r.Impact, r.Severity)
	}
	p.addRisk(r)
	return true
}
