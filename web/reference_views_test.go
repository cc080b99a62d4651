package web

import (
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// TestTimelineDrawsTheEnds: a busy reference's timeline draws its first
// and last legs with the count between, and each committee's part whole.
func TestTimelineDrawsTheEnds(t *testing.T) {
	var legs []mb.ReferenceStop
	for i := range 40 {
		code := []string{"OPSG", "PANEL"}[i%2]
		legs = append(legs, mb.ReferenceStop{CommitteeCode: code, Meetings: 2})
	}
	v := ReferencePage{History: &mb.ReferenceHistory{Timeline: legs}}.Timeline()
	if len(v.Head) != 6 || len(v.Tail) != 6 || v.Skipped != 28 {
		t.Errorf("head %d, tail %d, skipped %d", len(v.Head), len(v.Tail), v.Skipped)
	}
	if len(v.Committees) != 2 || v.Committees[0].Meetings != 40 || v.Committees[1].CommitteeCode != "PANEL" {
		t.Errorf("committees %+v", v.Committees)
	}
	short := ReferencePage{History: &mb.ReferenceHistory{Timeline: legs[:3]}}.Timeline()
	if len(short.Head) != 3 || short.Skipped != 0 || short.Tail != nil {
		t.Errorf("a short timeline: %+v", short)
	}
}
