package minutebook

import (
	"fmt"
	"strings"
)

// AttendanceStatus is how a person is recorded at a meeting. Absent people
// are not recorded at all.
type AttendanceStatus string

// The statuses of an attendee.
const (
	Present   AttendanceStatus = "present"
	Part      AttendanceStatus = "part"      // for some items only: "(Part) (Agenda Item 5)"
	Apologies AttendanceStatus = "apologies" // sent apologies
	Absent    AttendanceStatus = "absent"    // a form choice only: nothing is stored
)

// AttendanceStatuses lists the choices the attendance form offers.
var AttendanceStatuses = []AttendanceStatus{Present, Part, Apologies, Absent}

// Label is the word the form shows.
func (s AttendanceStatus) Label() string {
	switch s {
	case Present:
		return "Present"
	case Part:
		return "Part"
	case Apologies:
		return "Apologies"
	}
	return "Absent"
}

// Attendee is one person recorded at a meeting: a member in their category,
// or another participant representing an organisation.
type Attendee struct {
	ID               int64
	MeetingID        int64
	PersonID         int64
	PersonName       string // read-only
	Status           AttendanceStatus
	Category         string // a member's category; "" for other participants
	RepresentingID   *int64 // the organisation another participant represents
	RepresentingName string // read-only
	PartItems        string // "5" or "5, 7": the items a part attendee was there for, as numbered now
	// PartItemIDs are the items a part attendee was there for, so that the
	// numbers follow a reorder; a roll call recorded as text before has
	// PartItems only.
	PartItemIDs      []int64
	AlternateForID   *int64 // the member this person attends for
	AlternateForName string // read-only
	Position         int
	// NewPerson is someone not yet known, created with the roll call.
	NewPerson *NewPerson
}

// NewPerson is someone the secretariat records at a meeting who is not yet
// known to minutebook: created, in their organisation, with the roll call.
type NewPerson struct {
	Name         string
	Organisation string
}

// Member reports whether the attendee sits in one of the committee's categories.
func (a *Attendee) Member() bool { return a.Category != "" }

// Group is the heading the attendee is listed under: the category of a
// member, the organisation of anyone else.
func (a *Attendee) Group() string {
	if a.Category != "" {
		return a.Category
	}
	return a.RepresentingName
}

// Display is the name as the attendee table prints it: "Adam Rawling (Part)
// (Agenda Item 5)", "Jo Bloggs (alternate for Kevin Donnelly)".
func (a *Attendee) Display() string {
	s := a.PersonName
	if a.AlternateForName != "" {
		s += " (alternate for " + a.AlternateForName + ")"
	}
	if a.Status == Part {
		s += " (Part)"
		if a.PartItems != "" {
			s += " (" + PartItemsLabel(a.PartItems) + ")"
		}
	}
	return s
}

// PartItemsLabel turns "5" into "Agenda Item 5" and "5, 7" into "Agenda Items 5, 7".
func PartItemsLabel(items string) string {
	items = strings.TrimSpace(items)
	if items == "" {
		return ""
	}
	if strings.ContainsAny(items, ",&") || strings.Contains(items, " and ") {
		return "Agenda Items " + items
	}
	return "Agenda Item " + items
}

// ValidateAttendance checks a whole roll call: each person once, a member in a
// category or a participant representing an organisation, and part
// attendance naming its items. Field errors are keyed "row-N".
func ValidateAttendance(list []Attendee) error {
	fe := FieldErrors{}
	seen := map[int64]int{}
	newNames := map[string]int{} // a new person's name, tidied, to their row + 1
	for i, a := range list {
		key := fmt.Sprintf("row-%d", i)
		if np := a.NewPerson; np != nil {
			name := strings.ToLower(strings.Join(strings.Fields(np.Name), " "))
			switch {
			case name == "" || strings.TrimSpace(np.Organisation) == "":
				fe.Add(key, "Give the new person's name and the organisation they are from.")
				continue
			case newNames[name] > 0:
				fe.Add(key, fmt.Sprintf("%s is already on row %d: a person appears once per meeting.", np.Name, newNames[name]))
			}
			newNames[name] = i + 1
		} else if a.PersonID == 0 {
			fe.Add(key, "Choose the person.")
			continue
		} else if j, ok := seen[a.PersonID]; ok {
			fe.Add(key, fmt.Sprintf("%s is already on row %d: a person appears once per meeting.", nameOr(a.PersonName, "This person"), j+1))
		}
		if a.PersonID != 0 {
			seen[a.PersonID] = i
		}
		switch a.Status {
		case Present, Apologies:
		case Part:
			if strings.TrimSpace(a.PartItems) == "" && len(a.PartItemIDs) == 0 {
				fe.Add(key, "Choose the agenda items "+nameOr(a.PersonName, "the person")+" attended, such as item 5.")
			}
		default:
			fe.Add(key, "Choose present, part, apologies or absent.")
		}
		if a.Category == "" && a.RepresentingID == nil && a.NewPerson == nil {
			fe.Add(key, "Choose the organisation "+nameOr(a.PersonName, "the person")+" represents.")
		}
		if a.AlternateForID != nil && *a.AlternateForID == a.PersonID {
			fe.Add(key, "A person cannot attend as their own alternate.")
		}
	}
	return fe.Err()
}

// LabelPartItems numbers the items each part attendee was there for, as
// the items are numbered now ("5", "5, 7"), for the attendee table.
func LabelPartItems(list []Attendee, items []*Item) {
	number := map[int64]string{}
	var order []int64
	for _, it := range items {
		number[it.ID] = it.Number
		order = append(order, it.ID)
		for _, c := range it.Children {
			number[c.ID] = c.Number
			order = append(order, c.ID)
		}
	}
	for i := range list {
		a := &list[i]
		if len(a.PartItemIDs) == 0 {
			continue
		}
		chosen := map[int64]bool{}
		for _, id := range a.PartItemIDs {
			chosen[id] = true
		}
		var numbers []string
		for _, id := range order {
			if chosen[id] {
				numbers = append(numbers, number[id])
			}
		}
		a.PartItems = strings.Join(numbers, ", ")
	}
}

// PartItemNumbers reads part attendance recorded as text ("5", "5, 7",
// "5 and 7") as item numbers, and reports whether all of it was numbers.
func PartItemNumbers(text string) ([]string, bool) {
	fields := strings.FieldsFunc(strings.ReplaceAll(text, " and ", ","), func(r rune) bool { return r == ',' || r == '&' || r == ';' })
	var out []string
	for _, f := range fields {
		f = strings.TrimSuffix(strings.TrimSpace(f), ".")
		if f == "" {
			continue
		}
		for _, r := range f {
			if (r < '0' || r > '9') && r != '.' {
				return nil, false
			}
		}
		out = append(out, f)
	}
	return out, len(out) > 0
}

func nameOr(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return name
}

// AttendeeGroup is one heading of the attendee table with its people, in order.
type AttendeeGroup struct {
	Name      string
	Attendees []Attendee
}

// GroupAttendance splits a roll call as the model document prints it:
// members present by category (in the committee's category order), other
// participants by the organisation they represent, and apologies by category
// or organisation, each in the order first recorded.
func GroupAttendance(list []Attendee, categories []string) (members, others, apologies []AttendeeGroup) {
	add := func(groups []AttendeeGroup, name string, a Attendee) []AttendeeGroup {
		for i := range groups {
			if groups[i].Name == name {
				groups[i].Attendees = append(groups[i].Attendees, a)
				return groups
			}
		}
		return append(groups, AttendeeGroup{Name: name, Attendees: []Attendee{a}})
	}
	for _, a := range list {
		switch {
		case a.Status == Apologies:
			apologies = add(apologies, a.Group(), a)
		case a.Member():
			members = add(members, a.Category, a)
		default:
			others = add(others, a.RepresentingName, a)
		}
	}
	order := map[string]int{}
	for i, c := range categories {
		order[c] = i + 1
	}
	sortGroups(members, order)
	return members, others, apologies
}

// sortGroups orders groups by the committee's category order, unknown last,
// keeping first-recorded order among equals.
func sortGroups(groups []AttendeeGroup, order map[string]int) {
	rank := func(name string) int {
		if r, ok := order[name]; ok {
			return r
		}
		return len(order) + 1
	}
	for i := 1; i < len(groups); i++ {
		for j := i; j > 0 && rank(groups[j].Name) < rank(groups[j-1].Name); j-- {
			groups[j], groups[j-1] = groups[j-1], groups[j]
		}
	}
}
