package server

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// csvHeader names the register's CSV columns. Dates are ISO 8601
// (YYYY-MM-DD), which spreadsheets read as dates whatever their locale.
var csvHeader = []string{
	"Reference", "Committee", "Meeting", "Action", "Date Raised", "First Target Date", "Target Date",
	"Owner", "Owner Person", "Status", "Overdue", "Closed On", "Times Revised", "Days Slipped", "URL",
}

// handleActionsCSV serves GET /actions.csv: the register's filtered view
// (every page) as CSV, streamed row by row.
func (s *Server) handleActionsCSV(w http.ResponseWriter, r *http.Request) error {
	v, err := s.registerViewOf(r)
	if err != nil {
		return err
	}
	if len(v.typed.Errors) > 0 {
		return filterError(v.typed.Errors)
	}
	name := "actions-" + v.filter.Today.Format(time.DateOnly) + ".csv"
	attachment(w, "text/csv; charset=utf-8", name, "no-store")
	// The byte order mark tells Excel the file is UTF-8, so names such as
	// "Énergie Rhône" come through intact.
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return nil
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return nil
	}
	base := baseURL(r)
	err = s.store.EachRegisterEntry(r.Context(), v.reader, v.filter, func(e mb.RegisterEntry) error {
		a := e.Action
		return cw.Write([]string{
			a.Reference(), a.CommitteeCode, a.CommitteeCode + " " + strconv.Itoa(a.MeetingNumber), cell(a.Text),
			a.RaisedOn.Format(time.DateOnly), csvDate(a.TargetDate), csvDate(a.CurrentTarget),
			cell(a.OwnerName), cell(a.OwnerPersonName), a.Status.Label(), yesNo(a.Overdue(v.filter.Today)), csvDate(a.ClosedOn),
			strconv.Itoa(e.Slippage.Revisions), strconv.Itoa(e.Slippage.Days), base + web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence),
		})
	})
	cw.Flush()
	if err != nil {
		// The header is gone; all that can be done is log and stop.
		s.log.Error("actions CSV", "err", err)
	}
	return nil
}

func csvDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// cell guards a text cell against formula injection: a spreadsheet runs a
// cell that starts with = + - @ as a formula, so such text gets a leading
// apostrophe, which spreadsheets show as plain text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
