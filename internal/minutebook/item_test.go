package minutebook

import "testing"

func TestItemValidate(t *testing.T) {
	it := &Item{Title: "  Risk   Register ", Classification: Amber}
	if err := it.Validate(Clear); err != nil || it.Title != "Risk Register" {
		t.Fatalf("err = %v, title %q", err, it.Title)
	}
	it = &Item{Title: "X", Classification: Clear}
	if err := it.Validate(Amber); ErrorFields(err)["classification"] == "" {
		t.Errorf("an item classified below its document was accepted: %v", err)
	}
	if err := (&Item{}).Validate(Clear); ErrorFields(err)["title"] == "" {
		t.Errorf("an item without a title was accepted")
	}
}
