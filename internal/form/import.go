package form

import (
	"net/http"
	"strings"
)

// ImportPreview is the preview of an imported document as sent: every
// input by its name, as typed (internal/importer names them: "p-3-status",
// "i-4-a-0-owner", …), whether to renumber the actions to the meeting, the
// side effects to leave out ("kind|key"), and whether the person asked to
// check again rather than save.
type ImportPreview struct {
	Values   map[string]string
	Renumber bool
	Skip     []string
	Check    bool
	Errors   Errors
}

// ParseImportPreview reads the preview's form.
func ParseImportPreview(r *http.Request) (*ImportPreview, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	f := &ImportPreview{Values: map[string]string{}, Errors: Errors{}}
	for name, v := range r.PostForm {
		switch name {
		case "skip":
			f.Skip = append(f.Skip, v...)
		case "refs":
			f.Renumber = strings.TrimSpace(strings.Join(v, "")) == "renumber"
		case "do":
			f.Check = strings.Join(v, "") == "check"
		default:
			f.Values[name] = strings.Join(v, " ")
		}
	}
	return f, nil
}
