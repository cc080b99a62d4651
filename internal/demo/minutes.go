package demo

import (
	"context"
	"fmt"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// attendee is one line of a demo roll call: a member in their category, or
// a participant representing an organisation.
type attendee struct {
	name   string
	group  string // the category of a member, the organisation of anyone else
	member bool
	status mb.AttendanceStatus
	part   string
}

// demoItem is an agenda item of the demo with what it records.
type demoItem struct {
	key       string
	title     string
	minute    string
	class     mb.Classification
	decisions [][2]string // word, text
	actions   []raisedAction
	children  []demoItem
	// placement puts the item's own decisions and actions after its
	// sub-items, as the model document closes item 5; "" is before them.
	placement mb.Placement
}

// raisedAction is an action raised in a demo item.
type raisedAction struct {
	key    string
	text   string
	owner  string
	target *time.Time
}

func day(y int, m time.Month, d int) *time.Time { t := date(y, m, d); return &t }

// opsg105Attendance is the roll call of the model document.
var opsg105Attendance = []attendee{
	{"Dave Warner", "Operations Group Chair", true, mb.Present, ""},
	{"Shuba Khatun", "Network Parties", true, mb.Present, ""},
	{"Kevin Donnelly", "Large Suppliers", true, mb.Present, ""},
	{"Rochelle Harrison", "Large Suppliers", true, mb.Present, ""},
	{"Sam Draper", "Large Suppliers", true, mb.Present, ""},
	{"George Macgregor", "Large Suppliers", true, mb.Present, ""},
	{"Ralph Baxter", "Large Suppliers", true, mb.Present, ""},
	{"Laurence Cross", "Large Suppliers", true, mb.Present, ""},
	{"Martin Christie", "Other SEC Parties", true, mb.Present, ""},
	{"Michael Snowden", "Other SEC Parties", true, mb.Present, ""},
	{"Alex Ford", "Other SEC Parties", true, mb.Present, ""},
	{"Danielle Jackson", "DCC", false, mb.Present, ""},
	{"Val Cumberland", "DCC", false, mb.Present, ""},
	{"Timothy Dunning", "DCC", false, mb.Present, ""},
	{"Daniel Heathcote", "DCC", false, mb.Present, ""},
	{"Gary Fairclough", "DCC", false, mb.Present, ""},
	{"Adam Rawling", "DCC", false, mb.Part, "5"},
	{"Andy Rowley", "DCC", false, mb.Part, "5"},
	{"Ryan Todd", "DCC", false, mb.Present, ""},
	{"Gary Stuart", "DCC", false, mb.Present, ""},
	{"David Rollason", "DCC", false, mb.Present, ""},
	{"Sarah Roebel", "SECAS", false, mb.Present, ""},
	{"Eugene Asante", "SECAS", false, mb.Present, ""},
	{"Cherrelle Mclean", "SECAS", false, mb.Present, ""},
	{"Tim Newton", "SECAS", false, mb.Present, ""},
	{"Alison Beard", "SECAS", false, mb.Present, ""},
	{"Rachel Allen", "DESNZ (formerly BEIS)", false, mb.Present, ""},
	{"Conroy Saunders", "SECAS", false, mb.Apologies, ""},
	{"Geoff Huckerby", "Other SEC Parties", true, mb.Apologies, ""},
	{"Nick Coombs", "Large Suppliers", true, mb.Apologies, ""},
	{"Emslie Law", "Large Suppliers", true, mb.Apologies, ""},
	{"Cassie Bowerman", "Small Suppliers", true, mb.Apologies, ""},
	{"Ian Drummond", "DCC", false, mb.Apologies, ""},
}

// opsg105Items are the items of the model document with its twelve
// decisions and five actions. The approval of OPSG 103 in item 1 is
// recorded by approving 103, as the secretariat would.
var opsg105Items = []demoItem{
	{key: "previous", title: "Previous Meeting Minutes", minute: opsg105Minute1},
	{title: "Actions Outstanding", minute: opsg105Minute2, decisions: [][2]string{{"NOTED", "the update"}}},
	{title: "SEC Panel Reports – September 2023", minute: opsg105Minute3, decisions: [][2]string{
		{"NOTED", "the SEC Panel Reports"},
		{"AGREED", "with the summary of DCC reporting (Annex 1) noting that the report reflected the service experienced by Users"}}},
	{title: "Performance Measurement Report – August 2023", minute: opsg105Minute4, decisions: [][2]string{{"NOTED", "the presentation"}},
		actions: []raisedAction{{text: "The DCC to provide a simplified graphic of the architecture to include past incidents and where they have occurred including next steps for problematic areas and to include a summary distinguishing between Incidents caused by the architecture and operational matters.", owner: "DCC", target: day(2023, 12, 12)}}},
	{title: "Business Processes Indicator Performance Summary", decisions: [][2]string{{"NOTED", "the presentation"}}, placement: mb.AfterSubItems,
		children: []demoItem{
			{title: "Business Process Indicators", minute: opsg105Minute51},
			{title: "Prepayment Analysis", minute: opsg105Minute52},
			{title: "3G Sunsetting Performance", minute: opsg105Minute53},
		},
		actions: []raisedAction{
			{text: "The DCC to include information within the BPI pack to explain which different use cases are observed within each process and how the metrics are calculated.", owner: "DCC", target: day(2023, 11, 27)},
			{text: "The DCC to return to the OPSG 107 November Reporting Meeting with detailed analysis of the 3G sunsetting performance, provide reasons for the decrease in performance and confirm next steps.", owner: "DCC", target: day(2023, 11, 27)},
			{text: "The DCC to present a further description of the proposed ‘re-try success’ and subsequent success’ buckets within the Pre-Payment Waterfall, and to also set out how the various types of retry are reflected in the success rates.", owner: "DCC", target: day(2023, 11, 27)},
		}},
	// The four risks' reviews and the AGREED escalation come from the risk
	// register (risks.go), recorded in this item as the secretariat would.
	{title: "Risk Register – Progress Report", minute: opsg105Minute6, decisions: [][2]string{
		{"NOTED", "the presentation"}}},
	{title: "Major Incident Review", minute: opsg105Minute7, decisions: [][2]string{
		{"NOTED", "presentation"},
		{"AGREED", "that the Review Report for Incident INC000001076111 would require another draft to reflect further investigation before it could be published to all SEC Parties"}},
		actions: []raisedAction{{text: "The DCC to return to the OPSG with a more detailed explanation of the root cause, Incident Management, and remediation of Incident INC000001076111, including any remaining outstanding investigation/actions.", owner: "DCC", target: day(2023, 11, 14)}}},
	{title: "Work Package Q2 2023/24 Lookback", minute: opsg105Minute8, decisions: [][2]string{{"NOTED", "the presentation"}}},
	{title: "November 2023 SEC Release", minute: opsg105Minute9, decisions: [][2]string{{"NOTED", "the presentation"}}},
	{title: "Any Other Business", children: []demoItem{
		{title: "OPSG 2024 Dates", minute: opsg105Minute101},
		{title: "OPSG 2023 In-Person Meeting", minute: opsg105Minute102},
	}},
}

// opsg102Items raise the actions that the model document's actions
// outstanding table reviews, and one AMBER item the public does not see.
var opsg102Items = []demoItem{
	{title: "Previous Meeting Minutes", minute: "The Chair invited members to comment on the Draft Minutes from OPSG 101. No comments were received."},
	{title: "Major Incident Review", minute: "SECAS presented a first summary of Major Incident INC000001076111, which affected all DUIS traffic on 20 August 2023.",
		decisions: [][2]string{{"NOTED", "the summary"}},
		actions: []raisedAction{
			{key: "102/01", text: "The DCC to provide TABASC with the formal report relating to Incident 1076111 (SSI/SSMI/Remedy/SMKI Repo and all DUIS traffic) for more detailed review.", owner: "DCC", target: day(2024, 2, 28)},
			{key: "102/02", text: "The DCC to circulate the incident timeline to OPSG members.", owner: "DCC", target: day(2023, 9, 25)},
		}},
	{title: "SMETS1 Performance", minute: "The DCC presented SMETS1 performance for July 2023.\n\n- Prepayment success rates fell in SMETS1 FOC.\n- Firmware activations remained below target.",
		decisions: [][2]string{{"NOTED", "the presentation"}},
		actions: []raisedAction{
			{key: "102/03", text: "SECAS to add SMETS1 FOC prepayment performance to the next Performance Measurement Report review.", owner: "SECAS", target: day(2023, 10, 10)},
			{key: "102/04", text: "The DCC to confirm the date of the next SMETS1 firmware release.", owner: "DCC", target: day(2023, 10, 10)},
			{key: "102/05", text: "The DCC to provide an update to the OPSG detailing the cause(s) for the low success rates of, and improvement trajectory for, prepayment and firmware activations observed in SMETS1 FOC.", owner: "DCC", target: day(2023, 12, 31)},
		}},
	{title: "Security Assessment Briefing", class: mb.Amber, minute: "The DCC briefed members on the findings of the annual security assessment. *Not for wider circulation.*",
		decisions: [][2]string{{"NOTED", "the briefing"}}},
	// MP242 starts here, goes to the Panel (panel119Items) and comes back
	// at OPSG 105 (opsg105Minute52): the demo's reference across committees.
	{title: "Modification Proposals", minute: "The DCC raised MP242 'Change to Operational Metrics to Measure on Success', which would report Pre-Payment performance on the success of each transaction. The OPSG agreed that MP242 should go to the SEC Panel to decide its path.",
		decisions: [][2]string{{"AGREED", "to refer MP242 to the SEC Panel"}}},
}

// panel119Items are the SEC Panel's first decision on MP242, referred by
// OPSG 102; its 120th meeting approves the modification (formal.go).
var panel119Items = []demoItem{
	{title: "Modification Proposals", minute: "The Panel considered MP242 'Change to Operational Metrics to Measure on Success', referred by the OPSG on 12 September 2023. Members asked how re-tried transactions would count.",
		decisions: [][2]string{{"AGREED", "that MP242 proceed to its Final Modification Report"}},
		actions:   []raisedAction{{text: "SECAS to return MP242 to the OPSG for its view on the definitions of success.", owner: "SECAS"}}},
}

var opsg103Items = []demoItem{
	{key: "previous", title: "Previous Meeting Minutes", minute: "The Chair invited OPSG members to comment on the Draft Minutes from OPSG 102."},
	{title: "Actions Outstanding", minute: "SECAS presented the actions outstanding.", decisions: [][2]string{{"NOTED", "the update"}}},
	{title: "SEC Panel Reports – August 2023", minute: "SECAS presented the RDP Incidents report for August 2023.", decisions: [][2]string{{"NOTED", "the SEC Panel Reports"}}},
}

var opsg104Items = []demoItem{
	{title: "CSP North Scaling and Optimisation", minute: "The DCC presented the findings of the Scheduled Read Window Pilot Phase 1 and the plan for Pilot Phase 2.\n\nMembers asked for the user engagement plan before Phase 2 begins.",
		decisions: [][2]string{{"NOTED", "the update"}}},
	{title: "Actions Outstanding", minute: "SECAS presented the actions outstanding.", decisions: [][2]string{{"NOTED", "the update"}}},
}

// minutes writes the OPSG's minutes from 102 to 105 and moves each through
// its lifecycle as the secretariat would, so that drafts, circulated,
// approved, published and corrected minutes, comments and history all show.
func (l *loader) minutes(ctx context.Context) error {
	sec, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	member, _, err := l.store.UserByEmail(ctx, "kevin.donnelly@albion.example.org")
	if err != nil {
		return err
	}
	secCtx, memberCtx := mb.NewContextWithActor(ctx, sec), mb.NewContextWithActor(ctx, member)
	ms := map[int]*mb.Meeting{}
	for _, n := range []int{102, 103, 104, 105, 106} {
		if ms[n], err = l.store.MeetingByNumber(ctx, "OPSG", n); err != nil {
			return err
		}
	}
	actions := map[string]*mb.Action{}
	items := map[string]*mb.Item{}

	// OPSG 102: published, then corrected.
	if err := l.attend(secCtx, ms[102], opsg105Attendance[:11], opsg105Attendance[11:16], opsg105Attendance[21:23]); err != nil {
		return err
	}
	if err := l.writeItems(secCtx, ms[102], opsg102Items, items, actions, "102"); err != nil {
		return err
	}
	if err := l.store.Circulate(secCtx, ms[102].ID); err != nil {
		return err
	}
	if err := l.comment(memberCtx, secCtx, ms[102], 1, "Please name the incident in item 2 by its number.", "The incident number is in the minute."); err != nil {
		return err
	}
	// OPSG 103 and 104 are written before 102 is approved at 103.
	if err := l.attend(secCtx, ms[103], opsg105Attendance[:6], opsg105Attendance[11:14], opsg105Attendance[21:22]); err != nil {
		return err
	}
	if err := l.writeItems(secCtx, ms[103], opsg103Items, items, actions, "103"); err != nil {
		return err
	}
	if err := l.store.Approve(secCtx, postgres.Approval{MeetingID: ms[102].ID, ApprovedAt: ms[103].ID, ItemID: &items["103/previous"].ID}); err != nil {
		return err
	}
	if err := l.store.Publish(secCtx, ms[102].ID); err != nil {
		return err
	}
	if err := l.store.OpenCorrection(secCtx, ms[102].ID, "Added the apologies of Cassie Bowerman, omitted in error."); err != nil {
		return err
	}
	if err := l.attend(secCtx, ms[102], opsg105Attendance[:11], opsg105Attendance[11:16], opsg105Attendance[21:23], opsg105Attendance[31:32]); err != nil {
		return err
	}
	if err := l.store.FinishCorrection(secCtx, ms[102].ID); err != nil {
		return err
	}
	if err := l.closeAction(secCtx, actions["102/02"], ms[103], "The timeline was circulated on 20 September 2023."); err != nil {
		return err
	}
	if err := l.store.Circulate(secCtx, ms[103].ID); err != nil {
		return err
	}

	// OPSG 104: an AMBER extraordinary meeting, circulated with a comment open.
	if err := l.attend(secCtx, ms[104], opsg105Attendance[:4], opsg105Attendance[11:13], opsg105Attendance[21:22]); err != nil {
		return err
	}
	if err := l.writeItems(secCtx, ms[104], opsg104Items, items, actions, "104"); err != nil {
		return err
	}
	for _, ref := range []string{"102/03", "102/04"} {
		if err := l.closeAction(secCtx, actions[ref], ms[104], "Completed."); err != nil {
			return err
		}
	}
	// Its circulation, and the member's comment, are what the committee
	// still waits on: they are told, so the outbox shows them.
	told := func(ctx context.Context) context.Context { return mb.WithNotices(ctx, true) }
	if err := l.store.CirculateUntil(told(secCtx), ms[104].ID, day(2023, 10, 24)); err != nil {
		return err
	}
	if err := l.comment(told(memberCtx), secCtx, ms[104], 0, "Could item 1 record that Large Suppliers asked for the engagement plan in writing?", ""); err != nil {
		return err
	}

	// OPSG 105: the model document, approved at 106 and published.
	if l.opts.Unwritten105 {
		return nil
	}
	if err := l.attend(secCtx, ms[105], opsg105Attendance); err != nil {
		return err
	}
	if err := l.writeItems(secCtx, ms[105], opsg105Items, items, actions, "105"); err != nil {
		return err
	}
	// The register closes 102/01 and 102/05 at 105, and the risk register
	// records item 6's reviews and escalation; publish105 then approves and
	// publishes the meeting.
	l.previous105 = items["105/previous"]
	return nil
}

// publish105 approves OPSG 103 at 105, then circulates 105, approves it at
// 106 and publishes it: last, once the actions and risk registers have
// recorded what meeting 105 did, since approved minutes no longer change.
func (l *loader) publish105(ctx context.Context) error {
	sec, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	secCtx := mb.NewContextWithActor(ctx, sec)
	ms := map[int]*mb.Meeting{}
	for _, n := range []int{103, 105, 106} {
		if ms[n], err = l.store.MeetingByNumber(ctx, "OPSG", n); err != nil {
			return err
		}
	}
	if err := l.store.Approve(secCtx, postgres.Approval{MeetingID: ms[103].ID, ApprovedAt: ms[105].ID, ItemID: &l.previous105.ID}); err != nil {
		return err
	}
	if err := l.store.Circulate(secCtx, ms[105].ID); err != nil {
		return err
	}
	if err := l.store.Approve(secCtx, postgres.Approval{MeetingID: ms[105].ID, ApprovedAt: ms[106].ID}); err != nil {
		return err
	}
	return l.store.Publish(secCtx, ms[105].ID)
}

// closeAction closes an action at a meeting through the register, as the
// secretariat records it.
func (l *loader) closeAction(ctx context.Context, a *mb.Action, m *mb.Meeting, note string) error {
	fresh, err := l.store.Action(ctx, a.ID)
	if err != nil {
		return err
	}
	return l.store.RecordActionChange(ctx, &mb.ActionChange{ActionID: a.ID, Version: fresh.Version, Kind: mb.ActionEventClosed,
		MeetingID: &m.ID, Note: note, Backfill: true})
}

// attend saves a roll call made of the given lists.
func (l *loader) attend(ctx context.Context, m *mb.Meeting, lists ...[]attendee) error {
	var rows []mb.Attendee
	for _, list := range lists {
		for _, a := range list {
			id, ok := l.people[a.name]
			if !ok {
				return fmt.Errorf("attendance of %s: no person %s", m.ShortName(), a.name)
			}
			row := mb.Attendee{PersonID: id, PersonName: a.name, Status: a.status, PartItems: a.part}
			if a.member {
				row.Category = a.group
			} else {
				org, err := l.org(ctx, a.group)
				if err != nil {
					return err
				}
				row.RepresentingID = &org
			}
			rows = append(rows, row)
		}
	}
	fresh, err := l.store.Meeting(ctx, m.ID)
	if err != nil {
		return err
	}
	if _, err := l.store.SaveAttendance(ctx, m.ID, fresh.AttendanceVersion, rows); err != nil {
		return fmt.Errorf("attendance of %s: %w", m.ShortName(), err)
	}
	return nil
}

// writeItems adds items with their sub-items, decisions and actions;
// items and actions with a key are remembered under "number/key".
func (l *loader) writeItems(ctx context.Context, m *mb.Meeting, list []demoItem, items map[string]*mb.Item, actions map[string]*mb.Action, prefix string) error {
	var add func(d demoItem, parent *int64) error
	add = func(d demoItem, parent *int64) error {
		it := &mb.Item{MeetingID: m.ID, ParentID: parent, Title: d.title, Minute: d.minute, Classification: d.class, Placement: d.placement}
		if err := l.store.CreateItem(ctx, it); err != nil {
			return fmt.Errorf("%s item %q: %w", m.ShortName(), d.title, err)
		}
		if d.key != "" {
			items[prefix+"/"+d.key] = it
		}
		for _, c := range d.children {
			if err := add(c, &it.ID); err != nil {
				return err
			}
		}
		for _, dec := range d.decisions {
			if err := l.store.CreateDecision(ctx, &mb.Decision{ItemID: it.ID, Kind: dec[0], Text: dec[1]}); err != nil {
				return fmt.Errorf("%s decision %v: %w", m.ShortName(), dec, err)
			}
		}
		for _, da := range d.actions {
			owner, err := l.org(ctx, da.owner)
			if err != nil {
				return err
			}
			a := &mb.Action{ItemID: &it.ID, Text: da.text, OwnerID: owner, TargetDate: da.target}
			if err := l.store.RaiseAction(ctx, a); err != nil {
				return fmt.Errorf("%s action: %w", m.ShortName(), err)
			}
			if da.key != "" {
				actions[da.key] = a
			}
		}
		return nil
	}
	for _, d := range list {
		if err := add(d, nil); err != nil {
			return err
		}
	}
	return nil
}

// comment records a member's comment on an item (by index), resolved by the
// secretariat when resolution is given.
func (l *loader) comment(memberCtx, secCtx context.Context, m *mb.Meeting, item int, body, resolution string) error {
	items, err := l.store.Items(memberCtx, m.ID)
	if err != nil || len(items) <= item {
		return fmt.Errorf("comment on %s: %w", m.ShortName(), err)
	}
	c := &mb.Comment{MeetingID: m.ID, ItemID: &items[item].ID, Body: body}
	if err := l.store.AddComment(memberCtx, c); err != nil {
		return err
	}
	if resolution == "" {
		return nil
	}
	return l.store.ResolveComment(secCtx, c.ID, resolution)
}
