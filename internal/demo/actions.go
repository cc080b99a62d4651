package demo

import (
	"context"
	"fmt"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// demoAction is an action of the demo's register with what happened to it.
type demoAction struct {
	committee   string
	meeting     int // the raising meeting's number
	seq         int
	raised      time.Time // its date when the meeting is not in minutebook
	owner       string
	ownerPerson string
	target      time.Time
	text        string
	changes     []demoChange
}

// demoChange is one change recorded at a meeting (0: none, for reopening).
type demoChange struct {
	kind    mb.ActionEventKind
	meeting int
	target  time.Time
	note    string
}

// actions fills the register: open, overdue, revised-twice, closed and
// earlier-history actions across OPSG, TABASC and the Panel, and closes the
// fixture's OPSG 102/01 and 102/05 at meeting 105, as its minutes record.
// It runs after the minutes are loaded: actions those raise (102/01,
// 102/05, 105/01–05) are used as they are and only entered when missing.
func (l *loader) actions(ctx context.Context) error {
	if err := l.tabascMeetings(ctx); err != nil {
		return err
	}
	// A target four months on, so that the demo always shows actions that
	// are open but not yet due.
	now := time.Now().UTC()
	future := time.Date(now.Year(), now.Month()+5, 0, 0, 0, 0, 0, time.UTC)
	list := []demoAction{
		{committee: "OPSG", meeting: 102, seq: 1, owner: "DCC", target: date(2024, 2, 28),
			text:    "The DCC to provide TABASC with the formal report relating to Incident 1076111 (SSI/SSMI/Remedy/SMKI Repo and all DUIS traffic) for more detailed review.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 105, note: "The formal report was provided to TABASC for detailed review."}}},
		{committee: "OPSG", meeting: 102, seq: 5, owner: "DCC", target: date(2023, 12, 31),
			text:    "The DCC to provide an update to the OPSG detailing the cause(s) for the low success rates of, and improvement trajectory for, prepayment and firmware activations observed in SMETS1 FOC.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 105, note: "The DCC presented the causes and the improvement trajectory."}}},
		{committee: "OPSG", meeting: 100, seq: 3, raised: date(2023, 7, 11), owner: "DCC", target: date(2023, 8, 31),
			text: "The DCC to share its BCDR test schedule for 2023/24 with the OPSG.",
			changes: []demoChange{
				{kind: mb.ActionEventRevised, meeting: 102, target: date(2023, 9, 25), note: "The schedule awaits the DSP Technical Refresh plan."},
				{kind: mb.ActionEventClosed, meeting: 103, note: "Schedule shared with members on 20 September 2023."}}},
		{committee: "OPSG", meeting: 103, seq: 1, owner: "SECAS", target: date(2023, 10, 10),
			text:    "SECAS to circulate the revised OPSG Terms of Reference to members for comment.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 104, note: "Circulated on 2 October 2023; no comments received."}}},
		{committee: "OPSG", meeting: 103, seq: 2, owner: "Albion Energy", ownerPerson: "Laurence Cross", target: date(2023, 10, 5),
			text:    "Albion Energy to share its analysis of failed prepayment top-ups on SMETS1 meters with the DCC.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 104, note: "Analysis shared with the DCC on 6 October 2023."}}},
		{committee: "OPSG", meeting: 103, seq: 3, owner: "DCC", target: date(2023, 10, 10),
			text:    "The DCC to confirm the timetable for the WNC WAN Self-Heal firmware mitigation.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 104, note: "Timetable confirmed: rollout completes in December 2023."}}},
		{committee: "TABASC", meeting: 84, seq: 2, raised: date(2023, 4, 13), owner: "DCC", target: date(2023, 6, 30),
			text: "The DCC to publish the updated SMETS1 interoperability matrix."},
		{committee: "TABASC", meeting: 87, seq: 1, owner: "Albion Energy", ownerPerson: "Kevin Donnelly", target: date(2023, 10, 5),
			text: "Albion Energy to provide evidence of the HAN connectivity drop-outs observed with dual-band Communications Hubs.",
			changes: []demoChange{
				{kind: mb.ActionEventRevised, meeting: 88, target: date(2023, 11, 2), note: "Evidence is still being gathered from field engineers."},
				{kind: mb.ActionEventRevised, meeting: 89, target: date(2024, 1, 31), note: "Waiting on the Communications Hub manufacturer's logs."}}},
		{committee: "TABASC", meeting: 87, seq: 2, owner: "DCC", target: date(2023, 10, 5),
			text:    "The DCC to present the architecture options for the CSP North scaling programme.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 88, note: "Options presented under item 4."}}},
		{committee: "TABASC", meeting: 88, seq: 1, owner: "Albion Energy", target: date(2023, 11, 2),
			text: "Albion Energy to share its test results for the firmware upgrade of its ESME variant before the December release."},
		{committee: "TABASC", meeting: 88, seq: 2, owner: "DCC", target: date(2023, 12, 7),
			text: "The DCC to report on the root cause of the SMKI Repository outage of 20 August 2023.",
			changes: []demoChange{
				{kind: mb.ActionEventUpdate, meeting: 89, note: "Interim findings point to the router firmware."},
				{kind: mb.ActionEventRevised, meeting: 90, target: date(2024, 3, 31), note: "The supplier's investigation was extended."}}},
		{committee: "TABASC", meeting: 89, seq: 1, owner: "SECAS", target: date(2023, 12, 7),
			text:    "SECAS to draft the TABASC response to the DESNZ consultation on smart meter data access.",
			changes: []demoChange{{kind: mb.ActionEventClosed, meeting: 90, note: "Response agreed and submitted."}}},
		{committee: "TABASC", meeting: 89, seq: 2, owner: "Albion Energy", ownerPerson: "Kevin Donnelly", target: future,
			text: "Albion Energy to review the proposed Technical Specification changes for the 4G Communications Hub and report back."},
		{committee: "TABASC", meeting: 89, seq: 3, owner: "Kestrel Energy", target: date(2023, 12, 7),
			text: "Kestrel Energy to confirm whether small suppliers are affected by the 3G switch-off timetable."},
		{committee: "PANEL", meeting: 120, seq: 1, owner: "Albion Energy", ownerPerson: "Kevin Donnelly", target: date(2023, 12, 15),
			text: "Large Supplier Members to canvass their constituency on the proposed Panel escalation criteria."},
		{committee: "PANEL", meeting: 120, seq: 2, owner: "SECAS", target: future,
			text: "SECAS to publish the revised Panel Information Policy guidance for sub-committees."},
	}
	for _, d := range list {
		if err := l.demoAction(ctx, d); err != nil {
			return fmt.Errorf("action %s %d/%02d: %w", d.committee, d.meeting, d.seq, err)
		}
	}
	return nil
}

// tabascMeetings adds the TABASC meetings either side of its meeting 88, at
// which its actions move.
func (l *loader) tabascMeetings(ctx context.Context) error {
	c, err := l.store.CommitteeByCode(ctx, "TABASC")
	if err != nil {
		return err
	}
	for _, m := range []*mb.Meeting{
		{CommitteeID: c.ID, Number: 87, Kind: mb.MainMeeting, Date: date(2023, 8, 3), Start: tod(10, 0), End: tod(13, 0), Venue: "Teleconference", Classification: mb.Green},
		{CommitteeID: c.ID, Number: 89, Kind: mb.MainMeeting, Date: date(2023, 11, 2), Start: tod(10, 0), End: tod(13, 0), Venue: "London", Classification: mb.Green},
		{CommitteeID: c.ID, Number: 90, Kind: mb.MainMeeting, Date: date(2023, 12, 7), Start: tod(10, 0), End: tod(13, 0), Venue: "Teleconference", Classification: mb.Green},
	} {
		if err := l.store.CreateMeeting(ctx, m); err != nil {
			return fmt.Errorf("meeting TABASC %d: %w", m.Number, err)
		}
	}
	return nil
}

func (l *loader) demoAction(ctx context.Context, d demoAction) error {
	a, err := l.store.ActionByReference(ctx, d.committee, d.meeting, d.seq)
	switch mb.ErrorCode(err) {
	case "":
	case mb.ENOTFOUND:
		if a, err = l.enterAction(ctx, d); err != nil {
			return err
		}
	default:
		return err
	}
	for _, ch := range d.changes {
		if l.opts.Unwritten105 && d.committee == "OPSG" && ch.meeting == 105 {
			continue // recorded when 105's minutes are written
		}
		c := &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: ch.kind, Note: ch.note, Backfill: true}
		if !ch.target.IsZero() {
			c.NewTarget = &ch.target
		}
		if ch.meeting != 0 {
			m, err := l.store.MeetingByNumber(ctx, d.committee, ch.meeting)
			if err != nil {
				return err
			}
			c.MeetingID = &m.ID
		}
		if ch.kind == mb.ActionEventClosed && a.Status == mb.ActionClosed {
			continue // the minutes already closed it
		}
		if err := l.store.RecordActionChange(ctx, c); err != nil {
			return err
		}
		a.Version = c.Version
		if ch.kind == mb.ActionEventClosed {
			a.Status = mb.ActionClosed
		}
	}
	return nil
}

// enterAction enters a demo action the minutes did not raise, tied to its
// meeting when that meeting is in minutebook.
func (l *loader) enterAction(ctx context.Context, d demoAction) (*mb.Action, error) {
	c, err := l.store.CommitteeByCode(ctx, d.committee)
	if err != nil {
		return nil, err
	}
	owner, err := l.org(ctx, d.owner)
	if err != nil {
		return nil, err
	}
	a := &mb.Action{CommitteeID: c.ID, MeetingNumber: d.meeting, Sequence: d.seq, RaisedOn: d.raised, Text: d.text, OwnerID: owner}
	if !d.target.IsZero() {
		a.TargetDate = &d.target
	}
	if d.ownerPerson != "" {
		id := l.people[d.ownerPerson]
		a.OwnerPersonID = &id
	}
	if d.raised.IsZero() {
		m, err := l.store.MeetingByNumber(ctx, d.committee, d.meeting)
		if err != nil {
			return nil, err
		}
		a.RaisedOn = m.Date
	}
	if err := l.store.RecordEarlierAction(ctx, a); err != nil {
		return nil, err
	}
	return a, nil
}
