package server

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// checkNewPeople refuses, row by row, a person the attendance form would add
// whose name is close to someone minutebook knows ("Rachel Allen, DESNZ,
// already exists"), unless the row says they are someone else: a
// secretariat adding a person from the attendance form must not create a
// second Rachel Allen by a slip of the keyboard.
func (s *Server) checkNewPeople(r *http.Request, f *form.Attendance) error {
	var people []*mb.Person
	for i, row := range f.Rows {
		if row.Person != "" || row.NewName == "" || row.ConfirmNew || row.Status == string(mb.Absent) {
			continue
		}
		if people == nil {
			var err error
			if people, err = s.store.People(r.Context()); err != nil {
				return err
			}
		}
		if p := similarPerson(row.NewName, people); p != nil {
			who := p.Name
			if p.OrganisationName != "" {
				who += ", " + p.OrganisationName + ","
			}
			key := fmt.Sprintf("row-%d", i)
			if _, taken := f.Errors[key]; !taken {
				f.Errors[key] = who + " already exists: choose them in the list of people, or tick “a different person” to add " + row.NewName + "."
			}
		}
	}
	return nil
}

// similarPerson is someone whose name is the same as name or a slip away
// from it (a letter or two, case, spacing and punctuation aside), or nil.
func similarPerson(name string, people []*mb.Person) *mb.Person {
	want := nameKey(name)
	if want == "" {
		return nil
	}
	limit := 1
	if len([]rune(want)) >= 10 {
		limit = 2
	}
	var best *mb.Person
	bestDistance := limit + 1
	for _, p := range people {
		if d := levenshtein.ComputeDistance(want, nameKey(p.Name)); d < bestDistance {
			best, bestDistance = p, d
		}
	}
	return best
}

// nameKey is a name as compared: lower case, letters and single spaces.
func nameKey(name string) string {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}
