package scaledemo

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

type item struct {
	id       int64
	meeting  *meeting
	parentID int64 // 0: a top-level item
	position int
	title    string
	topic    topic
	class    string // "" when as the document
	ref      string // the incident, modification or risk the item is about
	risk     *risk  // the risk a risk register item is about
}

type decision struct {
	id       int64
	itemID   int64
	position int
	kind     string
	text     string
}

type action struct {
	id          int64
	committee   *committee
	meeting     *meeting
	itemID      int64
	seq         int
	text        string
	owner       *org
	ownerPerson *person
	target      time.Time
	current     time.Time
	closedAt    *meeting
}

type actionEvent struct {
	id       int64
	actionID int64
	meeting  *meeting
	kind     string
	prev     time.Time
	next     time.Time
	note     string
	actor    *person
}

type attendance struct {
	meetingID    int64
	person       *person
	status       string
	category     string
	representing *org
	partItems    string
	alternateFor *person
	position     int
}

// topic pools by parent body: what the middle of an agenda draws from.
var topicPools = [][]topic{
	{topicPMR, topicBPI, topicRisk, topicIncident, topicWorkPackage, topicRelease, topicModification, topicModification, topicSecurity, topicFirmware, topicTesting, topicConsultation},
	{topicSettlement, topicSettlement, topicRisk, topicWorkPackage, topicRelease, topicModification, topicModification, topicConsultation, topicTesting, topicIncident},
	{topicCharging, topicCharging, topicRisk, topicWorkPackage, topicRelease, topicModification, topicModification, topicConsultation, topicCharging},
}

var bpiSubs = []string{"Business Process Indicators", "Prepayment Analysis", "3G Sunsetting Performance", "Firmware Activations", "Change of Supplier Performance"}

// plan writes every meeting's agenda, decisions, actions and attendance,
// and the later life of each action, committee by committee.
func (w *world) plan() {
	for _, c := range w.committees {
		w.planRisks(newRnd(w.opts.Seed, 6, uint64(c.id)), c)
		pool := topicPools[w.parentIndex(c)]
		from := len(w.actions)
		riskItems := map[int]*item{}
		for _, m := range c.meetings {
			r := newRnd(w.opts.Seed, 3, uint64(m.id))
			raised := len(w.actions)
			w.agenda(r, m, pool)
			if !m.held {
				continue
			}
			w.attend(r, m)
			for _, it := range w.items[m.firstItem:] {
				if it.risk != nil && riskItems[m.seq] == nil {
					riskItems[m.seq] = it
				}
			}
			// Actions raised in a risk register item mitigate its risk, and
			// the first action of the meeting that raised a risk does too.
			linked := map[[2]int64]bool{}
			link := func(rk *risk, a *action) {
				if l := [2]int64{rk.id, a.id}; !linked[l] {
					linked[l] = true
					w.riskActions = append(w.riskActions, l)
				}
			}
			for _, a := range w.actions[raised:] {
				if it := riskItems[m.seq]; it != nil && a.itemID == it.id {
					link(it.risk, a)
				}
			}
			for _, rk := range c.risks {
				if rk.from == m.seq && len(w.actions) > raised {
					link(rk, w.actions[raised])
				}
			}
		}
		w.actionLives(newRnd(w.opts.Seed, 4, uint64(c.id)), c, w.actions[from:])
		w.reviewRisks(newRnd(w.opts.Seed, 7, uint64(c.id)), c, riskItems)
	}
}

func (w *world) parentIndex(c *committee) int {
	top := c
	if c.parent != nil {
		top = c.parent
	}
	for i, p := range parents {
		if p.code == top.code {
			return i
		}
	}
	return 0
}

// agenda writes a meeting's items: the previous minutes, the actions
// outstanding and the parent body's reports first, any other business last,
// and topics from the pool between, some with sub-items.
func (w *world) agenda(r rnd, m *meeting, pool []topic) {
	size := w.opts.Size
	want := size.ItemsPerMeeting
	switch m.kind {
	case "main":
		want *= 1.22
	case "reporting":
		want *= 0.78
	case "extraordinary":
		want = 3
	}
	target := r.around(want, 3)
	m.firstItem = len(w.items)
	pos := 0
	top := func(t topic, title string) *item {
		pos++
		return w.addItem(r, m, 0, pos, t, title)
	}
	sub := func(parent *item, n int, t topic, title string) *item {
		return w.addItem(r, m, parent.id, n, t, title)
	}
	prev := top(topicPrevMinutes, "Previous Meeting Minutes")
	top(topicActions, "Actions Outstanding")
	if m.kind != "extraordinary" {
		top(topicReports, m.committee.short+" Reports – "+m.date.AddDate(0, -1, 0).Format("January 2006"))
	}
	aobSubs := r.between(0, 3)
	used := map[topic]bool{}
	for count := len(w.items) - m.firstItem; count < target-1-aobSubs; count = len(w.items) - m.firstItem {
		t := pick(r, pool)
		// Most business comes up once a meeting; modifications, charging
		// and settlement reports may come up several times.
		if used[t] && t != topicModification && t != topicCharging && t != topicSettlement && len(used) < len(pool)/2 {
			continue
		}
		used[t] = true
		switch t {
		case topicBPI:
			p := top(t, "Business Processes Indicator Performance Summary")
			n := r.between(2, 4)
			start := r.IntN(len(bpiSubs))
			for k := 1; k <= n; k++ {
				sub(p, k, topicBPISub, bpiSubs[(start+k)%len(bpiSubs)])
			}
		case topicIncident:
			p := top(t, "Major Incident Review")
			for k := 1; k <= r.between(1, 2); k++ {
				s := sub(p, k, topicIncidentSub, "")
				s.ref = incidentNumber(r)
				s.title = "Formal Report for Major Incident " + s.ref
			}
		default:
			top(t, w.title(r, m, t))
		}
	}
	aob := top(topicAOB, "Any Other Business")
	for k := 1; k <= aobSubs; k++ {
		sub(aob, k, topicAOBSub, pick(r, []string{
			m.committee.code + " " + m.date.AddDate(1, 0, 0).Format("2006") + " Dates",
			m.committee.code + " " + m.date.Format("2006") + " In-Person Meeting",
			"Feedback from the " + m.committee.short, "Forward Plan", "Membership Changes",
		}))
	}
	if m.held {
		w.decide(r, m, prev)
		w.raiseActions(r, m)
	}
}

func (w *world) title(r rnd, m *meeting, t topic) string {
	month := m.date.AddDate(0, -2, 0).Format("January 2006")
	switch t {
	case topicPMR:
		return "Performance Measurement Report – " + month
	case topicRisk:
		return "Risk Register – Progress Report"
	case topicWorkPackage:
		q := (int(m.date.Month())+8)/3%4 + 1
		fy := m.date.Year()
		if m.date.Month() < 4 {
			fy--
		}
		return fmt.Sprintf("Work Package Q%d %d/%02d Lookback", q, fy, (fy+1)%100)
	case topicRelease:
		return m.date.AddDate(0, 1, 0).Format("January 2006") + " " + m.committee.release
	case topicModification:
		return modNumber(r) + " " + pick(r, modTitles)
	case topicSecurity:
		return "Security Risk Assessment Update"
	case topicFirmware:
		return "Firmware Issue Resolution Update"
	case topicTesting:
		return "Testing and Release Assurance"
	case topicSettlement:
		return pick(r, []string{"Settlement Performance Report – " + month, "Reconciliation Volumes", "Performance Assurance Techniques"})
	case topicCharging:
		return pick(r, []string{"Tariff Forecast Update", "Change Proposal DCP" + itoa(300+r.IntN(200)), "Residual Charging Review"})
	case topicConsultation:
		return "Consultation Responses: " + pick(r, modTitles)
	}
	return "Update"
}

func itoa(n int) string { return strconv.Itoa(n) }

func (w *world) addItem(r rnd, m *meeting, parentID int64, position int, t topic, title string) *item {
	it := &item{id: w.next("agenda_items"), meeting: m, parentID: parentID, position: position, title: title, topic: t}
	if t == topicModification && strings.HasPrefix(title, "MP2") {
		it.ref = title[:5]
	}
	if t == topicRisk {
		if rk := m.committee.riskAt(r, m.seq); rk != nil {
			it.ref, it.risk = rk.ref, rk
		} else {
			it.ref = m.committee.code + "-" + itoa3(1+r.IntN(40))
		}
	}
	// Now and then an item needs more protection than its document.
	if r.chance(0.06) {
		switch m.class {
		case "CLEAR", "GREEN":
			it.class = "AMBER"
		case "AMBER":
			it.class = "RED"
		}
	}
	w.items = append(w.items, it)
	w.itemCount++
	return it
}

func itoa3(n int) string { return fmt.Sprintf("%03d", n) }

// decide records the decisions of a meeting's items: the approval of the
// previous minutes in the first item, then words of the committee's
// vocabulary with what follows them.
func (w *world) decide(r rnd, m *meeting, prev *item) {
	c := m.committee
	if m.seq > 0 {
		p := c.meetings[m.seq-1]
		if p.approvedBy == m {
			d := &decision{id: w.next("decisions"), itemID: prev.id, position: 1, kind: "APPROVED",
				text: "the minutes from " + c.code + " " + itoa(p.number) + " as final"}
			w.decisions = append(w.decisions, d)
			p.approvalDec = d.id
		}
	}
	mw := &minuteWriter{r: r}
	items := w.items[m.firstItem:]
	parentsOf := map[int64]bool{}
	for _, it := range items {
		if it.parentID != 0 {
			parentsOf[it.parentID] = true
		}
	}
	for _, it := range items {
		texts := decisionTexts[it.topic]
		if parentsOf[it.id] || len(texts) == 0 {
			continue
		}
		mw.c = w.textCtx(it)
		n := r.around(w.opts.Size.DecisionsPerItem*1.2, 1)
		for k := 1; k <= min(n, 3); k++ {
			kind := "NOTED"
			text := texts[0]
			if k > 1 || r.chance(0.25) {
				kind = pick(r, c.vocabulary[:2])
				text = pick(r, texts)
				if len(c.vocabulary) > 3 && r.chance(0.15) {
					kind = pick(r, c.vocabulary[3:])
				}
			}
			w.decisions = append(w.decisions, &decision{id: w.next("decisions"), itemID: it.id, position: k, kind: kind, text: mw.sentence(text)})
		}
	}
	w.decisionCount = len(w.decisions)
}

func (w *world) textCtx(it *item) *textCtx {
	m := it.meeting
	c := m.committee.textCtx(m.date)
	switch it.topic {
	case topicIncidentSub:
		c.incident = it.ref
	case topicModification:
		c.mod = it.ref
		c.modTitle = strings.TrimPrefix(it.title, it.ref+" ")
	case topicRisk:
		c.risk = it.ref
	}
	if it.topic == topicConsultation {
		c.modTitle = strings.TrimPrefix(it.title, "Consultation Responses: ")
	}
	return c
}

// textCtx is what the committee's minutes on day may mention. A parent
// body speaks as itself ("The SEC Panel noted"), a sub-committee by its code
// ("The OPSG noted"), as the model document does.
func (c *committee) textCtx(day time.Time) *textCtx {
	voice := c.code
	if c.parent == nil {
		voice = c.short
	}
	return &textCtx{code: voice, prefix: c.code, short: c.short, release: c.release, date: day}
}

// ownerWords is how an action's text names its owner.
func ownerWords(o *org) string {
	switch o.def.kind {
	case kindCentral:
		return "The DCC"
	case kindSecretariat:
		return o.def.name
	}
	return o.def.name
}

// raiseActions raises the meeting's actions within its items, numbered in
// order: "OPSG 105/01".
func (w *world) raiseActions(r rnd, m *meeting) {
	c := m.committee
	want := w.opts.Size.ActionsPerMeeting
	switch m.kind {
	case "main":
		want *= 1.3
	case "reporting":
		want *= 0.7
	}
	n := r.around(want, 3)
	var candidates []*item
	for _, it := range w.items[m.firstItem:] {
		if len(actionTexts[it.topic]) > 0 {
			candidates = append(candidates, it)
		}
	}
	if len(candidates) == 0 {
		return
	}
	mw := &minuteWriter{r: r}
	picked := make([]*item, 0, n)
	for k := 0; k < n; k++ {
		picked = append(picked, pick(r, candidates))
	}
	// Sequences follow the agenda's order, as the minutes read.
	sortItems(picked)
	for k, it := range picked {
		owner := w.owner(r, c)
		mw.c = w.textCtx(it)
		text := strings.Replace(pick(r, actionTexts[it.topic]), "{owner}", ownerWords(owner), 1)
		a := &action{
			id: w.next("actions"), committee: c, meeting: m, itemID: it.id, seq: k + 1,
			text: mw.sentence(text), owner: owner,
			target: m.date.AddDate(0, 0, pick(r, []int{28, 42, 56, 56, 84, 120})),
		}
		if r.chance(0.4) && len(owner.people) > 0 {
			a.ownerPerson = pick(r, owner.people)
		}
		a.current = a.target
		w.actions = append(w.actions, a)
	}
}

func sortItems(list []*item) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].id < list[j-1].id; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// owner draws an action's owner: the DCC most often, then the
// secretariat, then the parties.
func (w *world) owner(r rnd, c *committee) *org {
	x := r.Float64()
	switch {
	case x < 0.45 && c.secretariat.def.name == "SECAS":
		return w.orgNamed("DCC")
	case x < 0.70:
		return c.secretariat
	case x < 0.80:
		return pick(r, w.orgsByKind[kindNetwork])
	case x < 0.95:
		return pick(r, w.orgsByKind[kindLargeSupplier])
	}
	return pick(r, w.orgsByKind[kindOtherParty])
}

// attend records who was at a held meeting: each seat's holder on the day
// (present, in part, or with apologies, now and then sending an
// alternate), the secretariat, and other participants by organisation.
func (w *world) attend(r rnd, m *meeting) {
	c := m.committee
	seen := map[*person]bool{}
	pos := 0
	add := func(a *attendance) {
		if seen[a.person] {
			return
		}
		seen[a.person] = true
		pos++
		a.meetingID, a.position = m.id, pos
		w.attendance = append(w.attendance, a)
	}
	var apologies []*attendance
	for _, s := range c.seats {
		var holder *membership
		for _, t := range s.tenures {
			if t.holds(m.date) {
				holder = t
				break
			}
		}
		if holder == nil {
			continue
		}
		p := holder.person
		a := &attendance{person: p, status: "present", category: s.category}
		if s.role == "secretariat" {
			a.category, a.representing = "", c.secretariat
		}
		x := r.Float64()
		switch {
		case x < 0.05:
			continue // not recorded at all
		case x < 0.15 && s.role != "chair":
			a.status = "apologies"
			apologies = append(apologies, a)
			if r.chance(0.15) && len(p.org.people) > 1 {
				alt := pick(r, p.org.people)
				if alt != p {
					add(&attendance{person: alt, status: "present", category: s.category, alternateFor: p})
				}
			}
			continue
		case x < 0.18:
			a.status, a.partItems = "part", "Agenda Item "+itoa(r.between(3, 8))
		}
		add(a)
	}
	for _, g := range c.guests {
		if !r.chance(0.45) {
			continue
		}
		a := &attendance{person: g, status: "present", representing: g.org}
		if r.chance(0.12) {
			a.status, a.partItems = "part", "Agenda Item "+itoa(r.between(3, 8))
		}
		add(a)
	}
	for _, a := range apologies {
		add(a)
	}
	w.attendanceCount = len(w.attendance)
}
