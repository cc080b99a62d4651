package form

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestMembership(t *testing.T) {
	parse := func(t *testing.T, v url.Values) *Membership {
		r := httptest.NewRequest("POST", "/", strings.NewReader(v.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		f, err := ParseMembership(r)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	t.Run("OK", func(t *testing.T) {
		f := parse(t, url.Values{"person": {"4"}, "role": {"member"}, "from": {"2023-01-01"}, "to": {"2024-10-23"}, "alternate_for": {"7"}})
		m := f.Membership(2)
		if m == nil {
			t.Fatalf("errors %v", f.Errors)
		}
		if m.CommitteeID != 2 || m.PersonID != 4 || *m.AlternateForID != 7 || m.To == nil || m.To.Format(time.DateOnly) != "2024-10-23" {
			t.Errorf("got %+v", m)
		}
	})
	t.Run("ErrUnreadableValuesKeepTheirFields", func(t *testing.T) {
		f := parse(t, url.Values{"person": {"4"}, "role": {"member"}, "from": {"23/10/2023"}, "to": {"soon"}, "alternate_for": {"x"}})
		if f.Membership(2) != nil {
			t.Fatal("converted a form that cannot be read")
		}
		for _, field := range []string{"from", "to", "alternate_for"} {
			if f.Errors[field] == "" {
				t.Errorf("no message for %s: %v", field, f.Errors)
			}
		}
		if f.From != "23/10/2023" || f.To != "soon" {
			t.Errorf("the values were not kept as typed: %+v", f)
		}
	})
	t.Run("NewStartsToday", func(t *testing.T) {
		if f := NewMembership(time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)); f.From != "2024-07-01" || f.Role != "member" {
			t.Errorf("got %+v", f)
		}
	})
}

func TestApprovalChoices(t *testing.T) {
	tests := []struct {
		name       string
		f          Approval
		wantOK     bool
		wantFields []string
	}{
		{"OK", Approval{ApprovedAt: "12", Item: "3"}, true, nil},
		{"OKWithoutItem", Approval{ApprovedAt: "12"}, true, nil},
		{"ErrNoMeeting", Approval{}, false, []string{"approved_at"}},
		{"ErrItemNotAnID", Approval{ApprovedAt: "12", Item: "first"}, false, []string{"item"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Errors = Errors{}
			at, _, ok := tt.f.Choices()
			if ok != tt.wantOK || (ok && at != 12) {
				t.Errorf("Choices() = %d, %v; errors %v", at, ok, tt.f.Errors)
			}
			for _, field := range tt.wantFields {
				if !tt.f.Errors.Has(field) {
					t.Errorf("no message for %s", field)
				}
			}
		})
	}
}
