package server

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleHistory serves GET /committees/{code}/meetings/{number}/history: the
// stored versions, and a readable difference between any two (?from=&to=,
// version numbers or "current" for the minutes as they stand).
func (s *Server) handleHistory(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.historyMeeting(r)
	if err != nil {
		return err
	}
	rd := reader(r)
	versions, err := s.store.MinutesVersions(r.Context(), m.ID)
	if err != nil {
		return err
	}
	current, err := s.store.MinutesText(r.Context(), m)
	if err != nil {
		return err
	}
	docs := map[string]*mb.Minutes{"current": current}
	names := map[string]string{"current": "the minutes as they stand"}
	p := web.HistoryPage{Chrome: s.chrome(r, "History of "+m.ShortName(), "committees"), Meeting: m, Versions: versions}
	for _, v := range versions {
		key := strconv.Itoa(v.Number)
		docs[key] = v.Minutes
		names[key] = "version " + key + " (" + v.Kind.Label() + ")"
		p.Options = append(p.Options, web.Option{Value: key, Label: "Version " + key + " – " + v.Kind.Label() + " by " + v.ActorName})
	}
	p.Options = append(p.Options, web.Option{Value: "current", Label: "The minutes as they stand"})
	p.From, p.To = r.URL.Query().Get("from"), r.URL.Query().Get("to")
	if p.From == "" && len(versions) > 0 {
		p.From = strconv.Itoa(versions[len(versions)-1].Number)
		if len(versions) > 1 {
			p.From = strconv.Itoa(versions[len(versions)-2].Number)
		}
	}
	if p.To == "" {
		p.To = "current"
		if len(versions) > 1 {
			p.To = strconv.Itoa(versions[len(versions)-1].Number)
		}
	}
	from, to := docs[p.From], docs[p.To]
	if from != nil && to != nil {
		withheld := func(it *mb.Item) bool { return rd.Withheld(it, recorded) }
		p.Diff = mb.DiffLines(from.Text(withheld), to.Text(withheld))
		p.FromName, p.ToName = names[p.From], names[p.To]
	}
	return s.page(w, r, web.History(p))
}
