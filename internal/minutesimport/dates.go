package minutesimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

var (
	dateDMYRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b`)
	dateMDYRE = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// Numeric dates in these minutes are British: DD/MM/YYYY.
	dateNumRE = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`)
	dateISORE = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// A time needs minutes or am/pm, so that "Meeting 105" is not 105 o'clock.
	timeRE = regexp.MustCompile(`(?i)\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b|\b(\d{1,2})\s*(am|pm)\b`)
)

// isoDate checks a day, month and year and writes them as YYYY-MM-DD.
func isoDate(y, m, d int) (string, bool) {
	if y < 100 {
		y += 2000
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 November and the like
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// findDate returns the earliest date written in s, as YYYY-MM-DD, and where
// it was written.
func findDate(s string) (iso string, start, end int, ok bool) {
	start = -1
	try := func(re *regexp.Regexp, conv func(m []string) (string, bool)) {
		// Only the first few candidates are looked at: a line with dozens
		// of month-like words is not a date line.
		for _, idx := range re.FindAllStringSubmatchIndex(s, 8) {
			if start >= 0 && idx[0] >= start {
				return
			}
			m := make([]string, len(idx)/2)
			for i := range m {
				if idx[2*i] >= 0 {
					m[i] = s[idx[2*i]:idx[2*i+1]]
				}
			}
			if v, good := conv(m); good {
				iso, start, end, ok = v, idx[0], idx[1], true
				return
			}
		}
	}
	try(dateDMYRE, func(m []string) (string, bool) {
		mon, found := months[strings.ToLower(m[2])]
		if !found {
			return "", false
		}
		return isoDate(atoi(m[3]), int(mon), atoi(m[1]))
	})
	try(dateMDYRE, func(m []string) (string, bool) {
		mon, found := months[strings.ToLower(m[1])]
		if !found {
			return "", false
		}
		return isoDate(atoi(m[3]), int(mon), atoi(m[2]))
	})
	try(dateNumRE, func(m []string) (string, bool) {
		return isoDate(atoi(m[3]), atoi(m[2]), atoi(m[1]))
	})
	try(dateISORE, func(m []string) (string, bool) {
		return isoDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	})
	return iso, start, end, ok
}

// cellDate reads a table cell that should hold nothing but a date.
func cellDate(s string) (string, bool) {
	iso, start, end, ok := findDate(s)
	if !ok || strings.TrimSpace(s[:start]+s[end:]) != "" {
		return "", false
	}
	return iso, true
}

// findTimes returns up to two times written in s as HH:MM, with their spans.
func findTimes(s string) (times []string, spans [][2]int) {
	for _, idx := range timeRE.FindAllStringSubmatchIndex(s, 4) {
		var h, m int
		var ampm string
		if idx[2] >= 0 {
			h, m = atoi(s[idx[2]:idx[3]]), atoi(s[idx[4]:idx[5]])
			if idx[6] >= 0 {
				ampm = strings.ToLower(s[idx[6]:idx[7]])
			}
		} else {
			h = atoi(s[idx[8]:idx[9]])
			ampm = strings.ToLower(s[idx[10]:idx[11]])
		}
		switch {
		case ampm == "pm" && h >= 1 && h < 12:
			h += 12
		case ampm == "am" && h == 12:
			h = 0
		}
		if h > 23 || m > 59 {
			continue
		}
		times = append(times, fmt.Sprintf("%02d:%02d", h, m))
		spans = append(spans, [2]int{idx[0], idx[1]})
		if len(times) == 2 {
			break
		}
	}
	return times, spans
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
