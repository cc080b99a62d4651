package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// RiskRegisterPage is a committee's risk register.
type RiskRegisterPage struct {
	Chrome
	Committee *mb.Committee
	Risks     []*mb.Risk
	// Status is the status shown: "open", "closed" or "all".
	Status string
	// Heat counts the open risks by likelihood and impact.
	Heat    HeatMapView
	CanEdit bool
	// Meetings are the committee's meetings whose risks the secretariat may
	// still review (drafts and circulated minutes), newest first.
	Meetings []*mb.Meeting
	// Escalated counts the open escalations; Flagged those whose risk has
	// fallen below the threshold.
	Escalated int
	Flagged   int
}

// bandCount is how many open risks a band holds.
type bandCount struct {
	Name  string
	Count int
}

// bandCounts counts the heat map's risks band by band, most severe first.
func bandCounts(h HeatMapView) []bandCount {
	out := make([]bandCount, len(h.Bands))
	for k, b := range h.Bands {
		out[k].Name = b.Name
	}
	for l := 1; l <= 5; l++ {
		for i := 1; i <= 5; i++ {
			if k := h.bandIndex(mb.Severity(l, i)); k < len(out) {
				out[k].Count += h.Map.Count(l, i)
			}
		}
	}
	return out
}

// RiskPage is one risk with its history.
type RiskPage struct {
	Chrome
	Committee *mb.Committee
	Risk      *mb.Risk
	CanEdit   bool
	// Readable holds the meetings whose minutes the reader may open, so
	// that the history links only to those.
	Readable map[int64]bool
}

// RiskFormPage creates or edits a risk.
type RiskFormPage struct {
	Chrome
	Committee     *mb.Committee
	Form          *form.Risk
	IsNew         bool
	Organisations []Option
	People        []Option
	// ScoresLocked is set once the risk has a review: its scores then change
	// only by reviewing it at a meeting.
	ScoresLocked bool
}

// HeatMapView is a 5×5 likelihood × impact heat map whose cells link to a
// filtered list.
type HeatMapView struct {
	Map   mb.HeatMap
	Bands []mb.SeverityBand
	// Likelihood and Impact are the chosen cell, zero for none.
	Likelihood int
	Impact     int
	// Path and Query build the cells' links, keeping the page's other
	// parameters.
	Path  string
	Query url.Values
	// What is counted, in the plural: "open escalations", "open risks".
	What string
}

// Href links to the cell (likelihood l, impact i).
func (h HeatMapView) Href(l, i int) string {
	q := url.Values{}
	for k, v := range h.Query {
		if k != "l" && k != "i" {
			q[k] = v
		}
	}
	q.Set("l", strconv.Itoa(l))
	q.Set("i", strconv.Itoa(i))
	return h.Path + "?" + q.Encode()
}

// ClearHref links to the unfiltered list.
func (h HeatMapView) ClearHref() string {
	q := url.Values{}
	for k, v := range h.Query {
		if k != "l" && k != "i" {
			q[k] = v
		}
	}
	if len(q) == 0 {
		return h.Path
	}
	return h.Path + "?" + q.Encode()
}

// Selected reports whether the cell is the chosen one.
func (h HeatMapView) Selected(l, i int) bool { return h.Likelihood == l && h.Impact == i }

// Filtered reports whether a cell is chosen.
func (h HeatMapView) Filtered() bool { return h.Likelihood != 0 && h.Impact != 0 }

// bandIndex is the rank of the band holding the severity, 0 for the most
// severe, so that cells are shaded by band whatever the bands are called.
func (h HeatMapView) bandIndex(severity int) int {
	for i, b := range h.Bands {
		if severity >= b.Min && severity <= b.Max {
			return i
		}
	}
	return len(h.Bands)
}

// BandName names the band holding the severity.
func (h HeatMapView) BandName(severity int) string {
	for _, b := range h.Bands {
		if severity >= b.Min && severity <= b.Max {
			return b.Name
		}
	}
	return ""
}

// CellLabel describes a cell in words, for assistive technology.
func (h HeatMapView) CellLabel(l, i int) string {
	n := h.Map.Count(l, i)
	sev := mb.Severity(l, i)
	return fmt.Sprintf("%d %s: likelihood %d, impact %d (%s)", n, plural(n, singular(h.What), h.What), l, i, mb.SeverityLabel(sev, h.BandName(sev)))
}

// Heat-map geometry, in SVG units.
const (
	heatCell   = 56
	heatLeft   = 64
	heatTop    = 8
	heatWidth  = heatLeft + 5*heatCell + 8
	heatHeight = heatTop + 5*heatCell + 48
)

func heatX(i int) int { return heatLeft + (i-1)*heatCell }
func heatY(l int) int { return heatTop + (5-l)*heatCell }

func cellClass(h HeatMapView, l, i int) string {
	c := "cell band-" + strconv.Itoa(h.bandIndex(mb.Severity(l, i)))
	if h.Map.Count(l, i) == 0 {
		c += " empty"
	}
	if h.Selected(l, i) {
		c += " selected"
	}
	return c
}

var scores = []int{1, 2, 3, 4, 5}
var scoresDown = []int{5, 4, 3, 2, 1}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func singular(s string) string {
	return strings.Replace(s, "escalations", "escalation", 1)
}

// Sparkline geometry: a small inline chart of severity over reviews.
const (
	sparkWidth  = 96
	sparkHeight = 28
)

// sparkView is a sparkline's geometry and text, worked out once per risk.
type sparkView struct {
	Title  string
	Points string // the polyline's points
	Dots   []sparkDot
}

// sparkDot is one review's point, its coordinates as the SVG attributes take them.
type sparkDot struct{ X, Y string }

// sparkOf works out the sparkline of the risk's severities over its reviews.
func sparkOf(r *mb.Risk) sparkView {
	sevs := severities(r)
	v := sparkView{Title: trendText(r), Dots: make([]sparkDot, len(sevs))}
	var b strings.Builder
	for k, s := range sevs {
		x, y := sparkXY(k, len(sevs), s)
		v.Dots[k] = sparkDot{X: strconv.Itoa(x), Y: strconv.Itoa(y)}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(v.Dots[k].X)
		b.WriteByte(',')
		b.WriteString(v.Dots[k].Y)
	}
	v.Points = b.String()
	return v
}

func sparkXY(k, n, sev int) (int, int) {
	x := sparkWidth / 2
	if n > 1 {
		x = 3 + k*(sparkWidth-6)/(n-1)
	}
	y := sparkHeight - 3 - (sev-1)*(sparkHeight-6)/24
	return x, y
}

// severities lists the severities of the reviews, oldest first.
func severities(r *mb.Risk) []int {
	out := make([]int, 0, len(r.Reviews)+1)
	for _, v := range r.Reviews {
		out = append(out, v.Severity())
	}
	if len(out) == 0 {
		out = append(out, r.Severity())
	}
	return out
}

// trendText is the sparkline's text alternative: "15 (OPSG 102) → 20 (OPSG 105)".
func trendText(r *mb.Risk) string {
	if len(r.Reviews) == 0 {
		return "Not yet reviewed: severity " + strconv.Itoa(r.Severity())
	}
	var parts []string
	for _, v := range r.Reviews {
		parts = append(parts, strconv.Itoa(v.Severity())+" ("+v.MeetingName()+")")
	}
	return "Severity over reviews: " + strings.Join(parts, " → ")
}

// trendShort is the compact visible trend: "12 → 16 → 20 → 20".
func trendShort(r *mb.Risk) string {
	var parts []string
	for _, s := range severities(r) {
		parts = append(parts, strconv.Itoa(s))
	}
	return strings.Join(parts, " → ")
}

func sevLabel(sev int, band string) string { return mb.SeverityLabel(sev, band) }

func dayLabel(t time.Time) string { return t.Format("2 Jan 2006") }

// withFullStop ends a sentence once: "… large scale." stays as it is.
func withFullStop(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func riskStatusOptions() []Option {
	var o []Option
	for _, s := range mb.RiskStatuses {
		o = append(o, Option{Value: string(s), Label: s.Label()})
	}
	return o
}

func scoreOptions(what string) []Option {
	words := map[string][]string{
		"likelihood": {"", "1 – Rare", "2 – Unlikely", "3 – Possible", "4 – Likely", "5 – Almost certain"},
		"impact":     {"", "1 – Negligible", "2 – Minor", "3 – Moderate", "4 – Major", "5 – Severe"},
	}[what]
	var o []Option
	for n := 1; n <= 5; n++ {
		o = append(o, Option{Value: strconv.Itoa(n), Label: words[n]})
	}
	return o
}

func riskItemOptions(items []Option) []Option {
	return append(append([]Option(nil), items...), Option{Value: "new", Label: "A new item at the end of the agenda, titled below"})
}
