package scaledemo

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// rnd is a seeded source with the draws the generator needs.
type rnd struct{ *rand.Rand }

func newRnd(seed uint64, stream ...uint64) rnd {
	s2 := uint64(0x9e3779b97f4a7c15)
	for _, x := range stream {
		s2 = (s2 ^ x) * 0xbf58476d1ce4e5b9
		s2 ^= s2 >> 31
	}
	return rnd{rand.New(rand.NewPCG(seed, s2))}
}

func (r rnd) chance(p float64) bool { return r.Float64() < p }

// between returns a whole number from lo to hi inclusive.
func (r rnd) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// around returns a whole number averaging mean, spread by ±spread.
func (r rnd) around(mean float64, spread int) int {
	n := int(mean)
	if r.Float64() < mean-float64(n) {
		n++
	}
	n += r.IntN(2*spread+1) - spread
	return max(n, 0)
}

func pick[T any](r rnd, list []T) T { return list[r.IntN(len(list))] }

// textCtx is what a minute's sentences may mention.
type textCtx struct {
	code     string // the committee's voice: "OPSG", or "SEC Panel" for a parent body
	prefix   string // the committee's code for references: "OPSG"
	short    string // its parent body: "SEC Panel"
	release  string // "SEC Release"
	date     time.Time
	incident string // an incident the item is about: "INC000001076111"
	mod      string // a modification: "MP242"
	risk     string // a risk reference: "OPSG-006"
	modTitle string // the modification's title, when the item is about one
}

// minuteWriter builds minute text from templates. A template's {slots} are
// filled afresh each time, so two {pct} give two figures.
type minuteWriter struct {
	r   rnd
	c   *textCtx
	buf bytes.Buffer
}

// fill writes the template and starts the sentence with a capital, since
// a slot such as {n} may open it.
func (w *minuteWriter) fill(tpl string) {
	at := w.buf.Len()
	w.fillRaw(tpl)
	if b := w.buf.Bytes(); len(b) > at && b[at] >= 'a' && b[at] <= 'z' {
		b[at] -= 'a' - 'A' // Bytes aliases the buffer's contents
	}
}

func (w *minuteWriter) fillRaw(tpl string) {
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			w.buf.WriteString(tpl)
			return
		}
		j := strings.IndexByte(tpl[i:], '}')
		w.buf.WriteString(tpl[:i])
		w.slot(tpl[i+1 : i+j])
		tpl = tpl[i+j+1:]
	}
}

func (w *minuteWriter) slot(name string) {
	r, c := w.r, w.c
	switch name {
	case "code":
		w.buf.WriteString(c.code)
	case "short":
		w.buf.WriteString(c.short)
	case "release":
		w.buf.WriteString(c.release)
	case "pres":
		w.buf.WriteString(pick(r, presenters))
	case "party":
		w.buf.WriteString(pick(r, partyVoices))
	case "pct":
		w.buf.WriteString(strconv.FormatFloat(85+r.Float64()*14.9, 'f', 2, 64) + "%")
	case "lowpct":
		w.buf.WriteString(strconv.FormatFloat(60+r.Float64()*30, 'f', 2, 64) + "%")
	case "n":
		w.buf.WriteString(pick(r, smallNumbers))
	case "cpm":
		w.buf.WriteString(pick(r, measures))
	case "sp":
		w.buf.WriteString(pick(r, serviceProviders))
	case "prog":
		w.buf.WriteString(pick(r, programmes))
	case "inc":
		if c.incident != "" {
			w.buf.WriteString(c.incident)
		} else {
			w.buf.WriteString(incidentNumber(r))
		}
	case "mp":
		if c.mod != "" {
			w.buf.WriteString(c.mod)
		} else {
			w.buf.WriteString(modNumber(r))
		}
	case "modtitle":
		if c.modTitle != "" {
			w.buf.WriteString(c.modTitle)
		} else {
			w.buf.WriteString(pick(r, modTitles))
		}
	case "risk":
		if c.risk != "" {
			w.buf.WriteString(c.risk)
		} else {
			fmt.Fprintf(&w.buf, "%s-%03d", c.prefix, r.between(1, 40))
		}
	case "month":
		w.buf.WriteString(c.date.AddDate(0, -1, 0).Format("January 2006"))
	case "pmrmonth":
		w.buf.WriteString(c.date.AddDate(0, -2, 0).Format("January 2006"))
	case "nextmonth":
		w.buf.WriteString(c.date.AddDate(0, 1, 0).Format("January 2006"))
	case "day":
		w.buf.WriteString(c.date.AddDate(0, 0, -r.between(5, 40)).Format("2 January 2006"))
	case "futureday":
		w.buf.WriteString(c.date.AddDate(0, 0, r.between(10, 90)).Format("2 January 2006"))
	case "hours":
		fmt.Fprintf(&w.buf, "%d hours and %d minutes", r.between(1, 9), r.between(1, 11)*5)
	case "money":
		fmt.Fprintf(&w.buf, "£%dk", r.between(3, 60))
	case "device":
		w.buf.WriteString(pick(r, devices))
	default:
		w.buf.WriteString(name)
	}
}

// minute writes the minute of an item on the topic: sentences drawn from
// the topic's bank without repeating one, in one to three paragraphs, and a
// list where the model document has one.
func (w *minuteWriter) minute(t topic) string {
	w.buf.Reset()
	bank := sentenceBanks[t]
	if len(bank) == 0 {
		return ""
	}
	// The bank's first sentence opens the minute, as someone presents the
	// item; the rest follow in any order.
	order := append([]int{0}, w.r.Perm(len(bank)-1)...)
	for i := 1; i < len(order); i++ {
		order[i]++
	}
	n := min(len(bank), 3+w.r.IntN(len(bank)/2+3))
	paras := 1
	if n >= 4 {
		paras = 1 + w.r.IntN(3)
	}
	per := (n + paras - 1) / paras
	for k := 0; k < n; k++ {
		switch {
		case k == 0:
		case k%per == 0:
			w.buf.WriteString("\n\n")
		default:
			w.buf.WriteByte(' ')
		}
		w.fill(bank[order[k]])
	}
	if t == topicRisk || (t == topicReports && w.r.chance(0.5)) || (t == topicBPISub && w.r.chance(0.2)) {
		w.buf.WriteString("\n\n")
		w.bullets(bulletBanks[t], 2+w.r.IntN(3))
	}
	return w.buf.String()
}

func (w *minuteWriter) bullets(bank []string, n int) {
	order := w.r.Perm(len(bank))
	item := w.c.risk
	for k := 0; k < min(n, len(bank)); k++ {
		if k > 0 {
			w.buf.WriteByte('\n')
		}
		// Each bullet of a risk register update is about another risk.
		if item != "" && k > 0 {
			w.c.risk = fmt.Sprintf("%s-%03d", w.c.prefix, w.r.between(1, 40))
		}
		w.buf.WriteString("- ")
		w.fill(bank[order[k]])
	}
	w.c.risk = item
}

// sentence fills one template into a fresh string.
func (w *minuteWriter) sentence(tpl string) string {
	w.buf.Reset()
	w.fill(tpl)
	return w.buf.String()
}

// incidentNumber is an incident in the DCC's numbering: INC0000010 and five digits.
func incidentNumber(r rnd) string { return fmt.Sprintf("INC0000010%05d", r.IntN(100000)) }

// modNumber is a modification proposal: MP2 and two digits.
func modNumber(r rnd) string { return fmt.Sprintf("MP2%02d", r.IntN(100)) }

var presenters = []string{"SECAS", "SECAS", "The DCC", "The DCC", "The Chair", "The secretariat"}

var partyVoices = []string{"A Large Supplier member", "A Small Supplier member", "A Network Party member", "An Other SEC Party member", "The Consumer member", "Members"}

var smallNumbers = []string{"two", "three", "four", "five", "six", "seven", "eleven"}

var measures = []string{"CPM 1", "CPM 2", "CPM 3", "CPM 3A", "CPM 4", "CPM 5", "CPM 6", "PM1.1 S1SP DXC", "PM1.5 S1SP DXC", "PM2 CSP North", "PM2 CSP Central", "PM2 CSP South", "Performance Indicator 1"}

var serviceProviders = []string{"CSP North", "CSP Central", "CSP South", "CSP C&S", "the Data Service Provider (DSP)", "SMETS1 Service Provider DXC", "the SMETS1 Service Provider"}

var programmes = []string{"Scaling & Optimisation programme", "DSP Technical Refresh programme", "Network Evolution programme", "4G Communications Hub rollout", "Outage Strategy work", "Heightened Supplier Management process", "Annual Outage/Planned Maintenance & BCDR Plan"}

var devices = []string{"SMETS1 FOC", "SMETS1 IOC", "SMETS2", "Communications Hubs", "Home Area Network (HAN) devices", "Prepayment Meter Interface Devices", "Alt HAN equipment"}

var modTitles = []string{
	"Change to Operational Metrics to Measure on Success", "Improving Communications Hub Returns Reporting",
	"Clarifying Prepayment Vend Timeouts", "Alt HAN Forum Reporting Requirements", "Extending the Scheduled Read Window",
	"Incident Management Policy Updates", "Firmware Version Reporting", "Reducing Duplicate Service Requests",
	"Certificate Management Performance Targets", "Changes to the Performance Measurement Report",
}

// topic is what an agenda item is about; it chooses the title, the
// sentences of the minute, the decisions and the actions.
type topic int

const (
	topicPrevMinutes topic = iota
	topicActions
	topicReports
	topicPMR
	topicBPI
	topicBPISub
	topicRisk
	topicIncident
	topicIncidentSub
	topicWorkPackage
	topicRelease
	topicModification
	topicSecurity
	topicFirmware
	topicTesting
	topicSettlement
	topicCharging
	topicConsultation
	topicAOB
	topicAOBSub
)

var sentenceBanks = map[topic][]string{
	topicPrevMinutes: {
		"The Chair invited {code} members to comment on the Draft Minutes from the previous meeting.",
		"No comments had been received on the draft minutes by the deadline.",
		"{party} asked for a clarification to the wording of item {n}, which SECAS agreed to make.",
		"SECAS confirmed that the comments received had been incorporated into the final version.",
	},
	topicActions: {
		"SECAS presented the actions outstanding.",
		"The {code} reviewed the open actions and agreed the revised target dates proposed by their owners.",
		"SECAS noted that {n} actions had been completed since the last meeting.",
		"The Chair asked owners to provide updates on overdue actions ahead of the next meeting.",
	},
	topicReports: {
		"SECAS presented the {short} Reports for {month}.",
		"SECAS reported that there were {n} new Incidents opened in {month}.",
		"{n} Incidents were closed overall in {month} with all outstanding Incidents from previous months now resolved.",
		"The DCC noted that the Registration Data Provider (RDP) Incidents report showed an improvement on the previous month.",
		"{party} noted that the summary of DCC reporting reflected the service experienced by Users.",
		"SECAS advised that the report would be shared with the {short} ahead of its next meeting.",
		"The {code} asked that the trend in Incident volumes be shown over twelve months in future reports.",
	},
	topicPMR: {
		"SECAS presented its review of the Performance Measurement Report (PMR) for {pmrmonth} and noted the associated responses to queries provided by the DCC.",
		"SECAS advised the {code} that {n} Category 1 and {n} Category 2 Incidents were reported in the PMR.",
		"SECAS noted that {n} of the eleven Code Performance Measures (CPM) were reported as below minimum service level.",
		"SECAS advised that although {cpm} achieved target, {cpm} failed to achieve Target Service Level, recording {pct}.",
		"SECAS also advised that {cpm} achieved Minimum Service Level with {pct}, a decrease from the previous month's performance.",
		"{cpm} demonstrated a slight increase in performance to {pct} but was still below Target Service Level.",
		"SECAS reported that {cpm} continued to fall below Minimum Service Level, recording {lowpct}.",
		"The DCC reported that {cpm} failed following a Category 1 Major Incident ({inc}).",
		"The {code} noted the decrease in performance as SECAS highlighted the ongoing inconsistent performance by {sp}.",
		"Noting the extended period for which this measure had not achieved Minimum Service Level, the {code} proposed adding it to the list of DCC SEC non-compliances, to which the DCC agreed.",
		"The DCC stated it is closely monitoring the improvement plans of {sp} to prevent any recurrence.",
		"The {code} stated that it was imperative to understand how performance linked through to User operational experiences.",
	},
	topicBPI: {
		"The DCC presented the business process indicators for {month}.",
	},
	topicBPISub: {
		"The DCC reported on the business processes for firmware activations, Tariff Update, and Change of Supply (CoS) in SMETS1 and SMETS2.",
		"The {code} noted that CoS and Tariff Updates have decreased in volume in {device}.",
		"The DCC noted that CoS performance had continued to improve in all regions, reaching {pct}.",
		"The DCC advised on {device} and a single User having a failure rate of {lowpct} for the Firmware business process, though most of the responses were duplicate requests.",
		"The DCC confirmed the Prepayment Glidepath shows improvements and that it foresees a {pct} success rate by the end of the year.",
		"The DCC noted that the slight decline in success rates observed previously had continued in areas where the 3G service has been closed.",
		"The {code} emphasised that it was important to understand whether this was the beginning of a downward trend in performance.",
		"The DCC will continue investigations into the Communicating bucket, which now shows prepay vends that failed with E21 (timeout) errors.",
		"{party} challenged that although a transaction is marked as successful, the timeframe involved could be masked.",
		"The {code} noted it was difficult for the DCC to map a trajectory for {device} transactions but would still need to see a summary.",
	},
	topicRisk: {
		"The {code} reviewed the existing highest severity risks and agreed that risks with severity ratings of 15 and above should be escalated to the {short}.",
		"SECAS advised that the DCC had recently updated the {code} on the progress of the {prog}.",
		"The {code} did not ask for any change to the Risk Severity rating of {risk}.",
		"The {code} noted that a DCC report on these matters is expected by {nextmonth}, and that the severity of {risk} should be reconsidered in its light.",
		"SECAS advised that work is ongoing between SECAS and the DCC to address the risks around Peak Demand and Capacity.",
	},
	topicIncident: {
		"SECAS presented the {code} with a summary of the DCC's Major Incident review for Incident {inc}, which occurred on {day}.",
	},
	topicIncidentSub: {
		"SECAS presented the {code} with a summary of the DCC's Major Incident review for Incident {inc}, which occurred on {day}.",
		"The time taken to restore service was {hours}.",
		"All Service Request traffic (SMETS 1&2) was impacted during the outage.",
		"The DCC noted that the Root Cause was a failure in {sp} causing a router to crash and become unresponsive.",
		"The {code} noted that the stated root cause was a symptom of an underlying issue rather than its cause.",
		"The {code} queried the time taken to resolve the incident and the timeliness of communications to Users.",
		"The {code} challenged the Green status for Customer Communications and proposed Amber as a better status.",
		"It was agreed that there will need to be further investigation into the root cause and the timeliness of the DCC's response.",
		"The Self Service Interface (SSI) and the SMKI Repository were unavailable for the duration of the outage.",
	},
	topicWorkPackage: {
		"SECAS reported that actual expenditure came in {money} under budget due to vacancies over several months.",
		"SECAS noted that expenditure is expected to be back on budget next quarter.",
		"SECAS also noted that the Panel Chair has indicated that the process for reporting expenditure to sub-committees will remain as at present.",
		"{party} asked for the forecast for the remainder of the year to be shown against the budget.",
	},
	topicRelease: {
		"The {code} noted the update and provided no concerns about the implementation of the legal text on {futureday}.",
		"The {code} also noted the upcoming system changes which will go through an operational review ahead of implementation.",
		"SECAS advised that the release contains {n} modifications, including {mp}.",
		"The DCC confirmed that testing of the release had completed with no outstanding defects of severity 1 or 2.",
	},
	topicModification: {
		"SECAS presented {mp} '{modtitle}' for the {code}'s views on its operational impacts.",
		"The {code} noted that the proposal could be considered for inclusion in {mp}, but that it was crucial to note the consumer impact.",
		"{party} asked whether the solution would change the reporting of {cpm}.",
		"SECAS advised that the Working Group would consider the {code}'s comments before the Refinement Consultation.",
		"The DCC provided a preliminary assessment and estimated implementation in the {release} of {nextmonth}.",
		"The {code} agreed to discuss the proposed definitions further, with more analysis to be provided by the DCC.",
	},
	topicSecurity: {
		"SECAS presented the outcome of the User Security Assessments completed in {month}.",
		"The {code} noted {n} findings of medium severity and agreed the remediation plans proposed.",
		"{party} queried whether the shared resource provider assessments had been scheduled.",
		"The DCC confirmed that the penetration testing of {sp} had found no high severity issues.",
	},
	topicFirmware: {
		"The DCC presented the firmware activation figures for {device}, with a success rate of {pct}.",
		"The {code} noted that {n} device model combinations accounted for most of the failures.",
		"The DCC advised that the WAN Self-Heal firmware mitigation had improved the Prepayment Glidepath.",
		"{party} asked the DCC to publish the list of affected firmware versions.",
	},
	topicTesting: {
		"The DCC presented the results of the release testing completed on {day}.",
		"The {code} noted {n} open defects, none of which would prevent the release.",
		"SECAS advised that User Integration Testing would start on {futureday}.",
		"{party} asked for the test environment availability to be reported monthly.",
	},
	topicSettlement: {
		"ELEXON presented the settlement performance for {month}, with {pct} of volumes settled on actual reads.",
		"The {code} noted that the reconciliation run had been delayed by {n} days.",
		"{party} queried the increase in estimated volumes in the North West.",
		"The {code} agreed that the performance assurance technique should be applied to the parties below target.",
	},
	topicCharging: {
		"ElectraLink presented the tariff forecast for {nextmonth}.",
		"The {code} noted that the residual charges would rise by {pct} of the previous year's level in one region.",
		"{party} asked for the impact on domestic customers to be modelled before the consultation.",
		"The Working Group agreed to recommend the change proposal to the Panel for consultation.",
	},
	topicConsultation: {
		"SECAS summarised the {n} responses received to the consultation on {modtitle}.",
		"The {code} noted that most respondents supported the proposal.",
		"{party} noted concerns over the cost of implementation for smaller parties.",
	},
	topicAOB: {
		"There was no other business.",
	},
	topicAOBSub: {
		"The {code} presented tentative future dates and noted that Bank Holidays affected two of the planned dates.",
		"The {code} noted that the next in-person meeting will be held in London on {futureday}.",
		"SECAS noted that the {short} had asked sub-committees for their forward plans by {futureday}.",
		"The Chair thanked {party} for their contribution to the {code}, as this was their last meeting.",
	},
}

var bulletBanks = map[topic][]string{
	topicReports: {
		"{cpm} recorded {pct} against a Target Service Level of 99%.",
		"{n} new Incidents were opened and {n} closed in {month}.",
		"The DCC reported no Category 1 Incidents in {month}.",
	},
	topicRisk: {
		"**{risk}:** *There is a risk {sp} will fail to meet SEC requirements, creating barriers for Service Users when operating at a large scale.* The {code} did not ask for any change to the Risk Severity rating.",
		"**{risk}:** *There is a risk congestion on the DCC infrastructure could significantly increase if the growth in usage of DCC Services continues.* SECAS advised that work is ongoing with the DCC.",
		"**{risk}:** *There is a risk the unstable connections between Communications Hubs and HAN devices impede Service Users' ability to send Commands.* The {code} agreed that the severity should remain unchanged.",
		"**{risk}:** *There is a risk that the execution of the {prog} may encounter challenges.* The {code} noted the difficulties encountered in recent testing.",
	},
	topicBPISub: {
		"Change of Supplier performance: {pct}.",
		"Tariff Update performance: {pct}.",
		"Firmware activation performance: {lowpct}.",
	},
}

// Decision texts by topic: what follows the decision word.
var decisionTexts = map[topic][]string{
	topicActions:      {"the update"},
	topicReports:      {"the {short} Reports", "with the summary of DCC reporting (Annex 1) noting that the report reflected the service experienced by Users"},
	topicPMR:          {"the presentation", "that {cpm} be added to the list of DCC SEC non-compliances"},
	topicBPISub:       {"the presentation", "the update"},
	topicIncidentSub:  {"the presentation", "that the Review Report for Incident {inc} would require another draft before it could be published to all SEC Parties"},
	topicWorkPackage:  {"the presentation"},
	topicRelease:      {"the presentation", "that the {release} raised no operational concerns"},
	topicModification: {"the update", "to provide its views on {mp} to the Working Group", "the operational impacts of {mp}"},
	topicSecurity:     {"the findings", "the remediation plans proposed"},
	topicFirmware:     {"the update"},
	topicTesting:      {"the test completion report", "that the release may proceed"},
	topicSettlement:   {"the report", "that the performance assurance technique be applied"},
	topicCharging:     {"the tariff forecast", "to recommend the change proposal for consultation"},
	topicConsultation: {"the consultation responses", "the proposed next steps"},
	topicAOBSub:       {"the update", "the proposed dates"},
}

// Action texts by topic: "The DCC to provide …" with {owner} as the owner.
var actionTexts = map[topic][]string{
	topicReports:      {"{owner} to provide a twelve-month trend of Incident volumes in the {short} Reports.", "{owner} to share the RDP Incidents report with the {short}."},
	topicPMR:          {"{owner} to provide a simplified graphic of the architecture to include past incidents and where they have occurred, including next steps for problematic areas.", "{owner} to explain the failure of {cpm} and set out its remediation plan.", "{owner} to confirm when {sp} will leave the Heightened Supplier Management process."},
	topicBPISub:       {"{owner} to include information within the BPI pack to explain which use cases are observed within each process and how the metrics are calculated.", "{owner} to return with detailed analysis of the 3G sunsetting performance and confirm next steps.", "{owner} to present a further description of the proposed 're-try success' and 'subsequent success' buckets within the Pre-Payment Waterfall."},
	topicIncidentSub:  {"{owner} to return to the {code} with a more detailed explanation of the root cause, Incident Management and remediation of Incident {inc}.", "{owner} to revise the draft report on Incident {inc} for the {code} to review."},
	topicRisk:         {"{owner} to update the risk register entry for {risk} following the DCC's report.", "{owner} to present the mitigation plan for {risk}."},
	topicModification: {"{owner} to provide the {code}'s views on {mp} to the Working Group.", "{owner} to assess the operational impact of {mp} on {device}."},
	topicSecurity:     {"{owner} to circulate the remediation plan for the medium severity findings.", "{owner} to schedule the shared resource provider assessments."},
	topicFirmware:     {"{owner} to publish the list of affected firmware versions for {device}."},
	topicTesting:      {"{owner} to report test environment availability monthly."},
	topicSettlement:   {"{owner} to explain the increase in estimated volumes.", "{owner} to confirm the date of the delayed reconciliation run."},
	topicCharging:     {"{owner} to model the impact of the change on domestic customers.", "{owner} to circulate the updated tariff forecast."},
	topicConsultation: {"{owner} to publish the consultation responses."},
	topicWorkPackage:  {"{owner} to show the year-end forecast against the budget."},
	topicAOBSub:       {"{owner} to circulate the proposed meeting dates for the coming year.", "{owner} to confirm the venue of the next in-person meeting."},
}

var revisionNotes = []string{
	"The owner asked for more time to complete the analysis.",
	"Awaiting the DCC's report.",
	"Dependent on the outcome of {mp}.",
	"The owner is waiting on data from {sp}.",
	"Revised to align with the {release}.",
	"Further work agreed at the meeting.",
}

var closureNotes = []string{
	"Closed: the owner presented the update at the meeting.",
	"Closed: the information was circulated to members.",
	"Closed: superseded by a new action.",
	"Closed: the report was published.",
	"Closed: covered by the {code}'s forward plan.",
}

var updateNotes = []string{
	"The owner gave a verbal update; the action remains open.",
	"A draft was circulated for comment.",
	"Work has started; an update is expected at the next meeting.",
}
