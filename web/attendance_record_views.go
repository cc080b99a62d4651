package web

import (
	"fmt"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AttendanceRecordView is a committee's attendance record on its page:
// each voting member's meetings attended out of those they could attend,
// over the period chosen, as a chart and as a table.
type AttendanceRecordView struct {
	Code    string
	Period  mb.AttendancePeriod
	From    string // as typed, for the form
	To      string
	Error   string // a period that could not be read
	Members []mb.MemberAttendance
	Chart   AttendanceChart
}

// AttendanceChart draws the record as horizontal bars, one per member,
// the attended share filled and the rest outlined; each bar is labelled
// with its figures, so that nothing rests on colour.
type AttendanceChart struct {
	Bars          []attendanceBar
	Width, Height int
	Title, Desc   string
}

type attendanceBar struct {
	Label        string
	Y, TextY     int
	Filled, Full int
	Figures      string
	FiguresX     int
}

const (
	attendanceLabelWidth = 200
	attendanceBarWidth   = 300
	attendanceBarPitch   = 26
)

// NewAttendanceChart lays out the chart of the members' record.
func NewAttendanceChart(members []mb.MemberAttendance) AttendanceChart {
	c := AttendanceChart{Width: attendanceLabelWidth + attendanceBarWidth + 140, Title: "Meetings attended out of those each member could attend"}
	var parts []string
	for i, m := range members {
		b := attendanceBar{Label: m.Name, Y: 6 + i*attendanceBarPitch, Full: attendanceBarWidth}
		b.TextY = b.Y + 14
		if m.Eligible > 0 {
			b.Filled = m.Attended * attendanceBarWidth / m.Eligible
		}
		b.Figures = fmt.Sprintf("%d of %d (%d%%)", m.Attended, m.Eligible, m.Percent())
		b.FiguresX = attendanceLabelWidth + attendanceBarWidth + 8
		c.Bars = append(c.Bars, b)
		parts = append(parts, m.Name+" "+b.Figures)
	}
	c.Height = 12 + len(members)*attendanceBarPitch
	c.Desc = "A bar for each voting member, filled for the share of meetings attended: " + strings.Join(parts, "; ") + ". The table that follows gives every figure."
	return c
}

func (c AttendanceChart) viewBox() string { return fmt.Sprintf("0 0 %d %d", c.Width, c.Height) }

func px(n int) string { return strconv.Itoa(n) }
