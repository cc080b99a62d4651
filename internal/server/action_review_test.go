package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestReviewForm(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	x1 := regEnter(t, a, "OPSG", 99, 1, regDay(2023, 8, 15), "DCC", "The DCC to publish the outage plan.", ptrTime(regDay(2023, 10, 1)))
	x2 := regEnter(t, a, "OPSG", 99, 2, regDay(2023, 8, 15), "Albion Energy", "Albion Energy to share its vend data.", ptrTime(regDay(2023, 10, 1)))
	x3 := regEnter(t, a, "OPSG", 99, 3, regDay(2023, 8, 15), "SECAS", "SECAS to circulate the work plan.", ptrTime(regDay(2023, 10, 1)))
	const path = "/committees/OPSG/meetings/106/actions/review"
	sec := a.as("secretariat")
	field := func(x *mb.Action, name string) string { return mb.ReviewField(x.ID, name) }
	base := func() url.Values {
		return url.Values{
			field(x1, "version"): {itoa(x1.Version)}, field(x2, "version"): {itoa(x2.Version)}, field(x3, "version"): {itoa(x3.Version)},
			field(x1, "do"): {"closed"}, field(x1, "note"): {"Plan published on the website."},
			field(x2, "do"): {"revised"}, field(x2, "target"): {"2024-01-31"}, field(x2, "note"): {"Data owner on leave."},
			field(x3, "do"): {"update"}, field(x3, "note"): {"Draft plan shared with the chair."},
		}
	}
	untouched := func(t *testing.T) {
		t.Helper()
		for _, x := range []*mb.Action{x1, x2, x3} {
			got, err := a.store.Action(ctx, x.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version != x.Version || len(got.Events) != 0 {
				t.Errorf("%s was changed: version %d, %d events", x.Reference(), got.Version, len(got.Events))
			}
		}
	}

	t.Run("ListsEveryOutstandingAction", func(t *testing.T) {
		res := sec.get(path)
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "OPSG 99/01", "OPSG 99/02", "OPSG 99/03", `name="`+field(x2, "target")+`"`)
		// Closed before 106, so not offered.
		res.mustNotContain(t, "OPSG 103/01")
		a.as("secretariat").get("/committees/OPSG/meetings/106").mustContain(t, `data-testid="review-actions"`)
	})
	t.Run("ErrOneBadRowSavesNothingAndKeepsEverything", func(t *testing.T) {
		f := base()
		f.Del(field(x2, "target")) // a revision without its date
		res := sec.post(path, f)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Enter the revised target date.", "Plan published on the website.", "Data owner on leave.",
			"Draft plan shared with the chair.", `data-testid="error-`+field(x2, "target")+`"`)
		// The choices stay as made.
		if !strings.Contains(res.body, `value="closed" checked`) || !strings.Contains(res.body, `value="update" checked`) {
			t.Errorf("the rows' choices were not kept")
		}
		untouched(t)
	})
	t.Run("ErrUnreadableDateSavesNothing", func(t *testing.T) {
		f := base()
		f.Set(field(x2, "target"), "31/01/2024")
		res := sec.post(path, f)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Enter a real date", `value="31/01/2024"`)
		untouched(t)
	})
	t.Run("ErrStaleRowSavesNothing", func(t *testing.T) {
		f := base()
		f.Set(field(x3, "version"), itoa(x3.Version+1))
		res := sec.post(path, f)
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "nothing was saved", "Draft plan shared with the chair.")
		untouched(t)
	})
	t.Run("ErrMemberMayNotReview", func(t *testing.T) {
		if res := a.as("member").post(path, base()); res.status != http.StatusForbidden {
			t.Errorf("status %d, want 403", res.status)
		}
		untouched(t)
	})
	t.Run("ErrPublishedMinutesNoLongerChange", func(t *testing.T) {
		res := sec.get("/committees/OPSG/meetings/105/actions/review")
		if res.status != http.StatusConflict {
			t.Errorf("status %d, want 409", res.status)
		}
	})
	t.Run("OKAllTogether", func(t *testing.T) {
		res := sec.post(path, base())
		if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/106#actions-outstanding" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		m, err := a.store.MeetingByNumber(ctx, "OPSG", 106)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := a.store.ActionsOutstanding(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]mb.OutstandingAction{}
		for _, r := range rows {
			got[r.Action.Reference()] = r
		}
		if got["OPSG 99/01"].StatusAfter != mb.ActionClosed || got["OPSG 99/02"].RevisedTarget == nil ||
			got["OPSG 99/03"].StatusAfter != mb.ActionOpen || len(got["OPSG 99/03"].Notes) != 1 {
			t.Errorf("meeting 106's table = %+v", rows)
		}
		again := sec.get(path)
		again.mustContain(t, "Closed at this meeting", "Plan published on the website.", "Already recorded here: Draft plan shared with the chair.")
	})
}

func TestActionsCSV(t *testing.T) {
	a := newApp(t)
	// A name with accents and a comma, and text that a spreadsheet would
	// otherwise run as a formula.
	regEnter(t, a, "OPSG", 97, 1, regDay(2023, 5, 9), "Énergie Rhône, Ltd", "=HYPERLINK(\"x\") Énergie Rhône to report, in full.", ptrTime(regDay(2023, 7, 31)))

	res := a.as("secretariat").get("/actions.csv?q=Rhône")
	if res.status != http.StatusOK {
		t.Fatalf("status %d\n%s", res.status, res.body)
	}
	if ct := res.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if disposition, params, err := mime.ParseMediaType(res.header.Get("Content-Disposition")); err != nil ||
		disposition != "attachment" || !strings.HasPrefix(params["filename"], "actions-") {
		t.Errorf("content disposition %q", res.header.Get("Content-Disposition"))
	}
	body := []byte(res.body)
	if !bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		t.Fatalf("no UTF-8 byte order mark: % x", body[:3])
	}
	records, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 2 {
		t.Fatalf("got %d records, want header and one row: %q", len(records), records)
	}
	row := map[string]string{}
	for i, h := range records[0] {
		row[h] = records[1][i]
	}
	want := map[string]string{
		"Reference": "OPSG 97/01", "Owner": "Énergie Rhône, Ltd", "Date Raised": "2023-05-09", "Target Date": "2023-07-31",
		"Action": "'=HYPERLINK(\"x\") Énergie Rhône to report, in full.", "Status": "Open", "Overdue": "Yes", "Times Revised": "0",
	}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
	if !strings.HasSuffix(row["URL"], "/actions/OPSG/97/01") {
		t.Errorf("URL = %q", row["URL"])
	}

	t.Run("SameAccessAsThePage", func(t *testing.T) {
		res := a.anonymous().get("/actions.csv")
		if strings.Contains(res.body, "OPSG 97/01") || strings.Contains(res.body, "PANEL 120/01") || !strings.Contains(res.body, "OPSG 102/01") {
			t.Errorf("anonymous CSV:\n%s", res.body)
		}
	})
}
