package web_test

import (
	"context"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// TestRiskReviewsInItem checks that reviews render as item 6 of the model
// document prints them.
func TestRiskReviewsInItem(t *testing.T) {
	reviews := []mb.RiskReview{
		{Reference: "OPSG-006", Statement: "There is a risk CSP N will fail to meet SEC requirements, creating barriers for Service Users when operating at a large scale.",
			Likelihood: 4, Impact: 5, Band: "Critical", Comment: "SECAS advised that the DCC recently updated OPSG."},
		{Reference: "OPSG-019", Statement: "There is a risk congestion on the DCC infrastructure could significantly increase if the growth in usage of DCC Services by Other Users continues",
			Likelihood: 4, Impact: 4, Band: "High"},
	}
	var b strings.Builder
	if err := web.RiskReviewsInItem(reviews).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"<strong>OPSG-006:</strong>",
		"<em>There is a risk CSP N will fail to meet SEC requirements, creating barriers for Service Users when operating at a large scale. (Severity 20 – Critical).</em>",
		" SECAS advised that the DCC recently updated OPSG.",
		// A statement without a full stop gains one before the severity.
		"Other Users continues. (Severity 16 – High).</em>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered reviews lack %q\n%s", want, got)
		}
	}
	if i, j := strings.Index(got, "OPSG-006"), strings.Index(got, "OPSG-019"); i > j {
		t.Error("reviews must keep the order given")
	}

	b.Reset()
	if err := web.RiskReviewsInItem(nil).Render(context.Background(), &b); err != nil || b.Len() != 0 {
		t.Errorf("no reviews should render nothing, got %q (%v)", b.String(), err)
	}
}
