package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// demoReview is one review of a demo risk at a meeting.
type demoReview struct {
	meeting            int
	likelihood, impact int
	comment            string
}

// demoRisk is a risk of the demo with its review history, oldest first.
type demoRisk struct {
	reference, statement, owner, ownerPerson, mitigations string
	actions                                               []string // references of actions that mitigate it, linked when present
	reviews                                               []demoReview
}

// opsgRisks are the four risks of item 6 of the model document, with
// invented history at meetings 102–104 so that their trend moves, and the
// model document's own comments at meeting 105.
var opsgRisks = []demoRisk{
	{
		reference:   "OPSG-006",
		statement:   "There is a risk CSP N will fail to meet SEC requirements, creating barriers for Service Users when operating at a large scale.",
		owner:       "DCC",
		ownerPerson: "Danielle Jackson",
		mitigations: "Scaling & Optimisation programme. Scheduled Read Window Pilot Phase 1 completed with no adverse impacts; Phase 2 planned. A DCC report on the broader strategic options is expected by the end of 2023.",
		actions:     []string{"OPSG 105/03"},
		reviews: []demoReview{
			{102, 3, 4, "CPM 3A below Minimum Service Level in CSP C&S; CSP N still at Target Service Level."},
			{103, 4, 4, "CSP N missed its Target Service Level for CPM 3A; the Scheduled Read Window pilot was agreed."},
			{104, 4, 5, "Pilot Phase 1 under way; the OPSG raised the impact given the scale of the rollout."},
			{105, 4, 5, "SECAS advised that the DCC recently updated OPSG on the progress of the Scaling & Optimisation programme, including the findings from the Scheduled Read Window Pilot Phase 1, and the plan for Pilot Phase 2. The DCC reported that Phase 1 was executed according to plan, with no adverse impacts. SECAS advised that it was noted by OPSG members that there were broader strategic matters and options to be considered and requested user engagement on these matters. The OPSG noted that a DCC report on these further matters is expected by the end of the year, and that the Risk Severity should be reconsidered in the light of that report."},
		},
	},
	{
		reference:   "OPSG-019",
		statement:   "There is a risk congestion on the DCC infrastructure could significantly increase if the growth in usage of DCC Services by Other Users continues.",
		owner:       "DCC",
		mitigations: "SEC Panel sponsored project on Peak Demand and Capacity, run by SECAS with the DCC, alongside the DCC's own capacity programmes.",
		reviews: []demoReview{
			{102, 3, 4, "Usage of DCC Services by Other Users is growing faster than forecast."},
			{104, 4, 4, "The SEC Panel sponsored project on Peak Demand and Capacity has started."},
			{105, 4, 4, "SECAS advised that work is ongoing between SECAS and the DCC as part of the SEC Panel sponsored project to provide proposed next steps to address the risks around Peak Demand and Capacity issues to complement the programmes of work the DCC already has underway. The OPSG did not ask for any change to the Risk Severity rating."},
		},
	},
	{
		reference:   "OPSG-002",
		statement:   "There is a risk the unstable connections between Communication Hubs (CHs) and Home Area Network (HAN) devices impedes the Service User's ability to send Commands to the devices and the device's ability to send Responses & Alerts to the Service Users, in a large number of premises as the rollout progresses.",
		owner:       "DCC",
		mitigations: "Monitoring of the DCC's development of interoperability reporting on Device Model Combinations and Firmware versions.",
		reviews: []demoReview{
			{102, 4, 5, "Disconnections between Communication Hubs and HAN devices are rising in large premises."},
			{103, 4, 4, "A firmware mitigation has been deployed by several suppliers."},
			{104, 3, 5, "Interoperability reporting of Device Model Combinations is in development."},
			{105, 3, 5, "SECAS advised that there is an ongoing action to monitor the DCC's development of interoperability reporting to provide a view of Device Model Combinations' and Firmware versions, to establish if the volume of combinations is manageable or impacting Device stability. The OPSG did not ask for any change to the Risk Severity rating."},
		},
	},
	{
		reference:   "OPSG-017",
		statement:   "There is a risk that the execution of the DCC's Annual Outage/Planned Maintenance & BCDR Plan may encounter challenges. It is crucial to closely monitor and oversee the entire cycle of activities, ensuring that valuable learnings are effectively implemented and incorporated to address this challenge appropriately.",
		owner:       "DCC",
		mitigations: "Review of the early draft of the 2024-25 Annual Outage Plan before the end of 2023; lessons from BCDR testing and the DSP Technical Refresh.",
		actions:     []string{"OPSG 105/05"},
		reviews: []demoReview{
			{103, 2, 5, "The 2023-24 Annual Outage Plan is on track."},
			{104, 3, 5, "Recent BCDR testing ran into difficulties and the DSP Technical Refresh programme saw failures."},
			{105, 3, 5, "The OPSG noted the difficulties encountered in executing recent BCDR testing and failures in the DSP Technical Refresh programme. With the DCC due to present an early draft of the 2024-25 Annual Outage Plan before the end of 2023, the OPSG agreed that the severity rating should remain unchanged until that plan is reviewed."},
		},
	},
}

// tabascRisks are two of TABASC's risks: one it keeps, one it escalates.
var tabascRisks = []demoRisk{
	{
		reference:   "TABASC-005",
		statement:   "There is a risk that the transition to 4G Communications Hubs is not fully supported by the technical specifications before the 2G and 3G networks close, stranding devices in the affected areas.",
		owner:       "DCC",
		mitigations: "TABASC review of the DCC's 4G specification timeline at each meeting.",
		reviews:     []demoReview{{88, 4, 4, "TABASC noted that the DCC's 4G specification timeline had slipped to the second quarter of 2024."}},
	},
	{
		reference:   "TABASC-003",
		statement:   "There is a risk that the end-to-end technical architecture documentation falls out of step with the SEC changes being implemented, leaving Parties to build against superseded designs.",
		owner:       "SECAS",
		mitigations: "Architecture documents are reviewed with each SEC release.",
		reviews:     []demoReview{{88, 3, 3, "TABASC agreed that the severity should stay as it is."}},
	},
}

// risks loads the risk registers of the OPSG and TABASC, their reviews, and
// their escalations to the SEC Panel, acting as the OPSG secretariat so that
// the history names who recorded it. The OPSG's four risks are escalated at
// meeting 105 by an AGREED decision in the item that minutes the register.
func (l *loader) risks(ctx context.Context) error {
	u, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	ctx = mb.NewContextWithActor(ctx, u)
	if err := l.register(ctx, "OPSG", opsgRisks, 105); err != nil {
		return fmt.Errorf("OPSG risks: %w", err)
	}
	if err := l.register(ctx, "TABASC", tabascRisks, 88, "TABASC-005"); err != nil {
		return fmt.Errorf("TABASC risks: %w", err)
	}
	return nil
}

// register adds the committee's risks, records their reviews meeting by
// meeting, and at escalateAt escalates the given references (all the
// risks reviewed there when none are given).
func (l *loader) register(ctx context.Context, code string, risks []demoRisk, escalateAt int, escalate ...string) error {
	c, err := l.store.CommitteeByCode(ctx, code)
	if err != nil {
		return err
	}
	ids := map[string]int64{}
	byMeeting := map[int][]mb.ReviewInput{}
	var order []int
	for _, d := range risks {
		r, err := l.addRisk(ctx, c, d)
		if err != nil {
			return fmt.Errorf("%s: %w", d.reference, err)
		}
		ids[d.reference] = r.ID
		for _, v := range d.reviews {
			if l.opts.Unwritten105 && code == "OPSG" && v.meeting == 105 {
				continue // reviewed when 105's minutes are written
			}
			if _, seen := byMeeting[v.meeting]; !seen {
				order = append(order, v.meeting)
			}
			byMeeting[v.meeting] = append(byMeeting[v.meeting], mb.ReviewInput{RiskID: r.ID, Likelihood: v.likelihood, Impact: v.impact, Comment: v.comment})
		}
	}
	for _, n := range slices.Sorted(slices.Values(order)) {
		m, err := l.store.MeetingByNumber(ctx, code, n)
		if err != nil {
			return err
		}
		set := postgres.ReviewSet{MeetingID: m.ID, Reviews: byMeeting[n], Backfill: true}
		if n == escalateAt {
			// The meeting that escalates minutes its register in an item.
			if set.ItemID, set.NewItemTitle, err = l.riskItem(ctx, m.ID); err != nil {
				return err
			}
		}
		itemID, err := l.store.RecordReviews(ctx, set)
		if err != nil {
			return fmt.Errorf("reviews at %s %d: %w", code, n, err)
		}
		if n != escalateAt {
			continue
		}
		var riskIDs []int64
		if len(escalate) == 0 {
			for _, in := range byMeeting[n] {
				riskIDs = append(riskIDs, in.RiskID)
			}
		}
		for _, ref := range escalate {
			riskIDs = append(riskIDs, ids[ref])
		}
		if _, err := l.store.EscalateRisks(ctx, postgres.EscalationSet{MeetingID: m.ID, ItemID: itemID, RiskIDs: riskIDs, Backfill: true}); err != nil {
			return fmt.Errorf("escalation at %s %d: %w", code, n, err)
		}
	}
	return nil
}

// addRisk creates a demo risk scored as at its first review, linked to the
// actions of its list that the register holds.
func (l *loader) addRisk(ctx context.Context, c *mb.Committee, d demoRisk) (*mb.Risk, error) {
	owner, err := l.org(ctx, d.owner)
	if err != nil {
		return nil, err
	}
	r := &mb.Risk{
		CommitteeID: c.ID, Reference: d.reference, Statement: d.statement, OwnerID: owner,
		Likelihood: d.reviews[0].likelihood, Impact: d.reviews[0].impact, Mitigations: d.mitigations,
	}
	if d.ownerPerson != "" {
		if id, ok := l.people[d.ownerPerson]; ok {
			r.OwnerPersonID = &id
		}
	}
	for _, ref := range d.actions {
		code, meeting, seq, err := mb.ParseActionReference(ref, c.Code)
		if err != nil {
			return nil, err
		}
		a, err := l.store.ActionByReference(ctx, code, meeting, seq)
		switch mb.ErrorCode(err) {
		case "":
			r.ActionIDs = append(r.ActionIDs, a.ID)
		case mb.ENOTFOUND:
			// The actions register's demo has not raised it: leave it unlinked.
		default:
			return nil, err
		}
	}
	return r, l.store.CreateRisk(ctx, r)
}

// riskItem finds the meeting's item that minutes the risk register (one
// whose title mentions risk, as the minutes' demo creates) or names a new one.
func (l *loader) riskItem(ctx context.Context, meetingID int64) (*int64, string, error) {
	items, err := l.store.ItemChoices(ctx, meetingID)
	if err != nil {
		return nil, "", err
	}
	for _, it := range items {
		if strings.Contains(strings.ToLower(it.Title), "risk") {
			return &it.ID, "", nil
		}
	}
	return nil, "Risk Register – Progress Report", nil
}
