package minutesimport

import (
	"regexp"
	"strings"
)

// Actions as other bodies write them: "ACTION 61/01: ML to …, by
// 30/09/2026", "New Action 0402: … Due: 12 June 2026", "Action: Finance
// Director to … by the next meeting" (no reference), "(Action RCP 87/01)"
// at the end of a paragraph, and the review of earlier actions: "Action
// 0301: … / Update: … / Carried forward" blocks, "- 60/02 (LT) Proposal …
// – Open; target date revised from 31/08/2026 to 31/10/2026." lists, and
// sentences ("Action 26/033(1) (cyber security …) remained open").

var (
	// bareActionRE is "Action: Finance Director to …", with no reference.
	bareActionRE = regexp.MustCompile(`^(?:(?i:new\s+)?(?i:action))\s*:\s*(\S.*)$`)
	// inlineActionRE is "(Action RCP 87/01)" in a paragraph.
	inlineActionRE = regexp.MustCompile(`\(\s*(?i:action)\s+(?:([A-Z][A-Z0-9]{1,15})\s+)?(\d{1,4}/\d{1,3})\s*\)`)
	// targetRE finds the target date an action's text gives.
	targetRE = regexp.MustCompile(`(?i)(?:,?\s*\bby\s+|[.;,]?\s*\b(?:due|target(?:\s+date)?|deadline)\s*:?\s*)((?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4})|(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}))\.?`)
	// extraLineRE is a line that continues an action: "Update: …",
	// "Owner: …", "Target: …", "Due: …".
	extraLineRE = regexp.MustCompile(`^(?i:(update|progress|owner|target(?:\s+date)?|due(?:\s+date)?|status))\s*:\s*(.*)$`)
	// statusWordRE2 is an action's status as written on a line of its own.
	actionStatusRE = regexp.MustCompile(`(?i)^(open|closed|complete|completed|done|carried\s+forward|pending|ongoing|in\s+progress|superseded|withdrawn|deferred|on\s+hold|new)\b\.?`)
	// revisedRE is a revision of a target date in words.
	revisedRE = regexp.MustCompile(`(?i)\b(?:revised|extended|moved|changed)\b(?:\s+(?:from\s+(\S+(?:\s+\S+){0,2}?)\s+))?(?:\s*to|\s+target\s+date\s+of)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4})|(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}))`)
	// dashOutRE is an entry of a list of earlier actions: "- 60/02 (LT)
	// Proposal for remote calibration evidence – Open; target date …".
	dashOutRE = regexp.MustCompile(`^(?:([A-Z][A-Z0-9]{1,15})\s+)?(\d{1,4}/\d{1,3})\s+(?:\(([^()]{1,60})\)\s+)?(.+?)\s+[–—-]\s+((?i:open|closed|complete|completed|carried\s+forward|pending|ongoing|in\s+progress|superseded|withdrawn|deferred|on\s+hold))\b[.;,]?\s*(.*)$`)
	// proseRefRE is an earlier action named in a sentence: "Action
	// 26/033(1) (cyber security maturity assessment)".
	proseRefRE = regexp.MustCompile(`(?i:action)\s+(\d{1,4}/\d{1,4}(?:\(\d{1,2}\))?)\s*\(([^()]{2,120})\)`)
)

// statusWords reads an action's status from words: "had been completed and
// were closed", "remained open", "was carried forward".
func statusWords(s string) string {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "carried forward"), strings.Contains(low, "carried over"):
		return "Carried forward"
	case strings.Contains(low, "closed"), strings.Contains(low, "completed"), strings.Contains(low, "complete"), strings.Contains(low, "done"):
		return "Closed"
	case strings.Contains(low, "open"), strings.Contains(low, "ongoing"), strings.Contains(low, "in progress"):
		return "Open"
	case strings.Contains(low, "pending"):
		return "Pending"
	}
	return ""
}

// statusCase writes a status as the tables do: "Carried forward", "Closed".
func statusCase(s string) string {
	return titleCase(strings.Join(strings.Fields(s), " "))
}

// actionTarget takes the target date from an action's text ("…, by
// 30/09/2026", "… Due: 12 June 2026"), and returns the text without a
// trailing "Due: …", which is a field rather than part of the sentence.
func actionTarget(text string) (target, rest string) {
	locs := targetRE.FindAllStringSubmatchIndex(text, -1)
	if len(locs) == 0 {
		return "", text
	}
	loc := locs[len(locs)-1]
	iso, ok := cellDate(text[loc[2]:loc[3]])
	if !ok {
		return "", text
	}
	rest = text
	lead := strings.ToLower(strings.TrimLeft(text[loc[0]:loc[2]], " ,.;"))
	if !strings.HasPrefix(lead, "by") && strings.TrimSpace(text[loc[1]:]) == "" {
		rest = strings.TrimSpace(text[:loc[0]])
		if !strings.HasSuffix(rest, ".") {
			rest += "."
		}
	}
	return iso, rest
}

// reviewedAction turns an action block that reports on an earlier action
// ("Action 0301: … / Update: … / Carried forward") into a row of the
// actions outstanding. It reports false for an action raised at this
// meeting.
func (p *parser) reviewedAction(b *block, m []string, extra []string) bool {
	status, update, revised := "", "", ""
	for _, e := range extra {
		if x := extraLineRE.FindStringSubmatch(e); x != nil {
			switch strings.ToLower(strings.Fields(x[1])[0]) {
			case "update", "progress":
				update = strings.TrimSpace(update + " " + x[2])
			case "status":
				status = statusCase(x[2])
			}
			continue
		}
		if s := actionStatusRE.FindStringSubmatch(e); s != nil {
			status = statusCase(s[1])
		}
	}
	if r := revisedRE.FindStringSubmatch(update); r != nil {
		revised, _ = cellDate(r[2])
	}
	// An action with no update and no status is raised here, whatever its
	// number says (a document saved under another number keeps its actions).
	newAction := strings.HasPrefix(strings.ToLower(m[1]), "new")
	if newAction || (status == "" && update == "") || strings.EqualFold(status, "new") {
		return false
	}
	ref := m[3]
	if m[2] != "" {
		ref = m[2] + " " + m[3]
	}
	o := OutstandingAction{Ref: ref, Text: m[5], Status: status, RevisedTarget: revised, Line: b.lines[0]}
	if own := ownerRE.FindStringSubmatch(o.Text); own != nil && len(strings.Fields(own[1])) <= 6 && startsUpper(own[1]) {
		o.Owner = strings.TrimRight(own[1], ",")
	}
	p.addOutstanding(o)
	for _, i := range b.lines {
		p.mark(i, roleOutstanding)
	}
	return true
}

// addOutstanding adds a row of the actions outstanding, or fills in the
// row already read for the same reference (the appendix's table repeating
// the minute's review).
func (p *parser) addOutstanding(o OutstandingAction) *OutstandingAction {
	for k := range p.doc.OutstandingActions {
		e := &p.doc.OutstandingActions[k]
		if !sameRef(e.Ref, o.Ref) {
			continue
		}
		fill := func(dst *string, v string) {
			if *dst == "" {
				*dst = v
			}
		}
		fill(&e.Text, o.Text)
		fill(&e.Raised, o.Raised)
		fill(&e.Target, o.Target)
		fill(&e.RevisedTarget, o.RevisedTarget)
		fill(&e.Owner, o.Owner)
		fill(&e.Status, o.Status)
		return e
	}
	p.doc.OutstandingActions = append(p.doc.OutstandingActions, o)
	return &p.doc.OutstandingActions[len(p.doc.OutstandingActions)-1]
}

// sameRef compares references with or without the committee's code:
// "OPSG 102/01" is "102/01".
func sameRef(a, b string) bool {
	tail := func(s string) string {
		f := strings.Fields(s)
		if len(f) == 0 {
			return ""
		}
		return f[len(f)-1]
	}
	return strings.EqualFold(a, b) || (tail(a) == tail(b) && tail(a) != "")
}

// dashOutstanding reads an entry of a list of earlier actions: "- 60/02
// (LT) Proposal for remote calibration evidence – Open; target date
// revised from 31/08/2026 to 31/10/2026." It reports false for any other
// list entry.
func (p *parser) dashOutstanding(b *block, plain string) bool {
	m := dashOutRE.FindStringSubmatch(plain)
	if m == nil {
		return false
	}
	ref := m[2]
	if m[1] != "" {
		ref = m[1] + " " + m[2]
	}
	o := OutstandingAction{Ref: ref, Owner: m[3], Text: strings.TrimSpace(m[4]), Status: statusCase(m[5]), Line: b.lines[0]}
	if r := revisedRE.FindStringSubmatch(m[6]); r != nil {
		o.RevisedTarget, _ = cellDate(r[2])
		if r[1] != "" {
			o.Target, _ = cellDate(r[1])
		}
	} else if _, start, end, ok := findDate(m[6]); ok {
		o.Target, _ = cellDate(m[6][start:end])
	}
	p.addOutstanding(o)
	p.addText(b, "- "+plain, roleOutstanding)
	return true
}

// proseOutstanding reads earlier actions reviewed in sentences: "Action
// 26/018(2) (review of delegated authorities) and action 26/027(1)
// (pension scheme valuation) had been completed and were closed." The
// paragraph stays in the minute as well.
func (p *parser) proseOutstanding(b *block, plain string) {
	if !strings.Contains(strings.ToLower(plain), "action ") {
		return
	}
	for _, sentence := range splitSentences(plain) {
		refs := proseRefRE.FindAllStringSubmatchIndex(sentence, -1)
		if len(refs) == 0 {
			continue
		}
		tail := sentence[refs[len(refs)-1][1]:]
		status := statusWords(tail)
		if status == "" {
			continue
		}
		revised := ""
		if r := revisedRE.FindStringSubmatch(tail); r != nil {
			revised, _ = cellDate(r[2])
		} else if strings.Contains(strings.ToLower(tail), "target date") {
			if iso, _, _, ok := findDate(tail); ok {
				revised = iso
			}
		}
		for _, r := range refs {
			p.addOutstanding(OutstandingAction{Ref: sentence[r[2]:r[3]], Text: cleanText(sentence[r[4]:r[5]]),
				Status: status, RevisedTarget: revised, Line: b.lineAt(0)})
		}
	}
}

// splitSentences splits plain text at the ends of its sentences.
func splitSentences(s string) []string {
	var out []string
	for s != "" {
		end := sentenceEnd(s, 0)
		out = append(out, strings.TrimSpace(s[:end]))
		s = strings.TrimSpace(s[end:])
	}
	return out
}

// inlineActions records the actions a paragraph raises in passing:
// "… recording the minority views (Action RCP 87/01)." The paragraph
// stays in the minute; the actions table, when there is one, gives their
// owners and target dates.
func (p *parser) inlineActions(b *block, plain string) {
	if !strings.Contains(plain, "ction") {
		return
	}
	n := p.doc.Meeting.Number
	for _, m := range inlineActionRE.FindAllStringSubmatchIndex(plain, -1) {
		ref := plain[m[4]:m[5]]
		if n > 0 && atoi(strings.SplitN(ref, "/", 2)[0]) != n {
			continue // an earlier action, named in passing
		}
		if _, seen := p.actionRefs[ref]; seen {
			continue
		}
		start := sentenceStart(plain, m[0], 0)
		text := strings.TrimSpace(plain[start:m[0]])
		text = strings.TrimRight(paraPrefixRE.ReplaceAllString(text, ""), " ,;") + "."
		a := Action{Ref: ref, Text: text, Paragraph: b.para, Line: b.lineAt(m[0]), inline: true}
		if own := ownerRE.FindStringSubmatch(text); own != nil && len(strings.Fields(own[1])) <= 6 && startsUpper(own[1]) {
			a.Owner = strings.TrimRight(own[1], ",")
		}
		p.actionRefs[ref] = a.Line
		it := p.item()
		it.Actions = append(it.Actions, a)
	}
}

// raisedRow merges a row of an actions table that lists this meeting's own
// actions ("RCP 87/01 … DF 24/04/2026 New") into the action raised in the
// minute. It reports false for a row of an earlier action.
func (p *parser) raisedRow(o *OutstandingAction) bool {
	ref := o.Ref
	if f := strings.Fields(ref); len(f) == 2 {
		ref = f[1]
	}
	n := p.doc.Meeting.Number
	own := strings.EqualFold(o.Status, "new") || (n > 0 && strings.Contains(ref, "/") && atoi(strings.SplitN(ref, "/", 2)[0]) == n)
	for k := range p.doc.Items {
		for j := range p.doc.Items[k].Actions {
			a := &p.doc.Items[k].Actions[j]
			if a.Ref != ref {
				continue
			}
			if o.Text != "" && (a.inline || a.Text == "") {
				a.Text = o.Text
			}
			if o.Owner != "" && (a.inline || a.Owner == "") {
				a.Owner = o.Owner
			}
			if a.Target == "" {
				a.Target = firstNonEmpty(o.RevisedTarget, o.Target)
			}
			return true
		}
	}
	if own {
		p.warn(o.Line, "the actions table lists %s as raised at this meeting, but no item raises it; it is kept with the actions outstanding", o.Ref)
	}
	return false
}
