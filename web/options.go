package web

import (
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Option is one choice in a select.
type Option struct {
	Value string
	Label string
}

// Options builds a select's choices from a list, in its order, one record
// to a choice: web.Options(people, web.PersonOption).
func Options[T any](list []T, option func(T) Option) []Option {
	out := make([]Option, 0, len(list))
	for _, x := range list {
		out = append(out, option(x))
	}
	return out
}

// PersonOption offers a person by id, named with their organisation:
// "Ada Lovelace (Albion Energy)".
func PersonOption(p *mb.Person) Option {
	label := p.Name
	if p.OrganisationName != "" {
		label += " (" + p.OrganisationName + ")"
	}
	return Option{Value: i64(p.ID), Label: label}
}

// OrganisationOption offers an organisation by id.
func OrganisationOption(o mb.Organisation) Option { return Option{Value: i64(o.ID), Label: o.Name} }

// CommitteeOption offers a committee by id: "OPSG – Operations Group".
func CommitteeOption(c *mb.Committee) Option {
	return Option{Value: i64(c.ID), Label: committeeLabel(c)}
}

// CommitteeCodeOption offers a committee by its code, for filters that
// keep the code in the URL.
func CommitteeCodeOption(c *mb.Committee) Option {
	return Option{Value: c.Code, Label: committeeLabel(c)}
}

func committeeLabel(c *mb.Committee) string { return c.Code + " – " + c.Name }

// ItemOption offers an agenda item by id: "5. Risk Register".
func ItemOption(it *mb.Item) Option {
	return Option{Value: i64(it.ID), Label: it.Number + ". " + it.Title}
}

func auditEntities() []Option {
	return []Option{
		{"committee", "Committees"}, {"meeting", "Meetings"}, {"membership", "Memberships"},
		{"person", "People"}, {"organisation", "Organisations"}, {"user", "Users"}, {"api_token", "API tokens"},
		{"attendance", "Attendance"}, {"item", "Agenda items"}, {"decision", "Decisions"}, {"action", "Actions"}, {"comment", "Comments"},
		{"risk", "Risks"}, {"calendar_token", "Calendar feeds"}, {"import", "Uploads for import"},
	}
}

func roleOptions() []Option {
	return Options(mb.MemberRoles, func(r mb.MemberRole) Option { return Option{Value: string(r), Label: r.Label()} })
}

func categoryOptions(c *mb.Committee) []Option {
	return Options(c.Categories, func(name string) Option { return Option{Value: name, Label: name} })
}

func attendanceStatusOptions() []Option {
	return Options(mb.AttendanceStatuses, func(s mb.AttendanceStatus) Option { return Option{Value: string(s), Label: s.Label()} })
}
