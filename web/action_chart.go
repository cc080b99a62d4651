package web

import (
	"fmt"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AgeChart is the register's chart of open actions by owner and age band:
// one horizontal bar per owner, split into bands. It does not rely on
// colour: each band has its own pattern, each segment its count, and the
// same figures stand in a table beside it.
type AgeChart struct {
	Owners []mb.OwnerAges
	Bars   []chartBar
	Legend []chartLegend
	Width  int
	Height int
	Title  string
	Desc   string
}

type chartBar struct {
	Label    string
	Y        int
	TextY    int
	Total    int
	TotalX   int
	Segments []chartSegment
}

type chartSegment struct {
	X, W     int
	Band     int
	Count    int
	ShowText bool
	TextX    int
}

type chartLegend struct {
	X, Y  int
	Band  int
	Label string
}

// Chart geometry, in SVG user units.
const (
	chartLabelWidth = 200
	chartBarArea    = 380
	chartRow        = 30
	chartBarHeight  = 20
	chartTop        = 10
	chartMaxOwners  = 12
)

// NewAgeChart lays out the chart for the owners' open actions, the busiest
// owners first; past chartMaxOwners the rest share one bar.
func NewAgeChart(owners []mb.OwnerAges) AgeChart {
	if len(owners) > chartMaxOwners {
		rest := mb.OwnerAges{OwnerName: fmt.Sprintf("%d other owners", len(owners)-chartMaxOwners+1), Bands: make([]int, len(mb.AgeBands))}
		for _, o := range owners[chartMaxOwners-1:] {
			for i, n := range o.Bands {
				rest.Bands[i] += n
			}
			rest.Total += o.Total
		}
		owners = append(owners[:chartMaxOwners-1:chartMaxOwners-1], rest)
	}
	c := AgeChart{Owners: owners, Width: chartLabelWidth + chartBarArea + 60}
	max := 1
	total := 0
	for _, o := range owners {
		if o.Total > max {
			max = o.Total
		}
		total += o.Total
	}
	for i, o := range owners {
		b := chartBar{Label: o.OwnerName, Y: chartTop + i*chartRow, Total: o.Total}
		b.TextY = b.Y + chartBarHeight/2 + 5
		x := chartLabelWidth
		for band, n := range o.Bands {
			if n == 0 {
				continue
			}
			w := n * chartBarArea / max
			if w < 4 {
				w = 4
			}
			b.Segments = append(b.Segments, chartSegment{X: x, W: w, Band: band, Count: n, ShowText: w >= 22, TextX: x + w/2})
			x += w
		}
		b.TotalX = x + 8
		c.Bars = append(c.Bars, b)
	}
	legendY := chartTop + len(owners)*chartRow + 14
	for i, band := range mb.AgeBands {
		c.Legend = append(c.Legend, chartLegend{X: (i % 3) * 210, Y: legendY + (i/3)*26, Band: i, Label: band.Label})
	}
	c.Height = legendY + ((len(mb.AgeBands)+2)/3)*26 + 4
	c.Title = "Open actions by owner and age"
	var parts []string
	for _, o := range owners {
		parts = append(parts, o.OwnerName+" "+strconv.Itoa(o.Total))
	}
	c.Desc = fmt.Sprintf("A bar for each owner organisation, split by how long ago each open action was raised. %d open actions: %s. The table that follows gives every figure.",
		total, strings.Join(parts, "; "))
	return c
}

func (c AgeChart) viewBox() string { return fmt.Sprintf("0 0 %d %d", c.Width, c.Height) }

func patternID(band int) string  { return "age-band-" + strconv.Itoa(band) }
func patternURL(band int) string { return "url(#" + patternID(band) + ")" }

// truncateLabel keeps an owner's name within the label column.
func truncateLabel(s string) string {
	r := []rune(s)
	if len(r) <= 26 {
		return s
	}
	return string(r[:25]) + "…"
}

// segmentTextClass makes a count legible on its segment's pattern.
func segmentTextClass(band int) string {
	if band >= 3 {
		return "chart-count on-dark"
	}
	return "chart-count"
}
