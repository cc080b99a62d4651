package server

import (
	"context"
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
	ctx := r.Context()
	// The list of versions is what each kept when it was stored; only the
	// two compared are read whole, and the minutes as they stand only when
	// one side is "current".
	versions, err := s.store.MinutesVersionList(ctx, m.ID)
	if err != nil {
		return err
	}
	names := map[string]string{"current": "the minutes as they stand"}
	p := web.HistoryPage{Chrome: s.chrome(r, "History of "+m.ShortName(), "committees"), Meeting: m, Versions: versions}
	for _, v := range versions {
		key := strconv.Itoa(v.Number)
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
	if names[p.From] == "" || names[p.To] == "" {
		return s.page(w, r, web.History(p))
	}
	docs, err := s.comparedMinutes(ctx, m, p.From, p.To)
	if err != nil {
		return err
	}
	withheld := func(it *mb.Item) bool { return rd.Withheld(it, recorded) }
	p.Diff = mb.DiffLines(docs[p.From].Text(withheld), docs[p.To].Text(withheld))
	p.FromName, p.ToName = names[p.From], names[p.To]
	return s.page(w, r, web.History(p))
}

// comparedMinutes reads the two sides of a comparison, by key: a stored
// version's number or "current", each of which the caller has checked.
func (s *Server) comparedMinutes(ctx context.Context, m *mb.Meeting, keys ...string) (map[string]*mb.Minutes, error) {
	docs := map[string]*mb.Minutes{}
	var numbers []int
	for _, k := range keys {
		if _, done := docs[k]; done {
			continue
		}
		if k == "current" {
			current, err := s.store.MinutesText(ctx, m)
			if err != nil {
				return nil, err
			}
			docs[k] = current
		} else if n, err := strconv.Atoi(k); err == nil {
			numbers = append(numbers, n)
		}
	}
	if len(numbers) > 0 {
		list, err := s.store.MinutesVersionsNumbered(ctx, m.ID, numbers)
		if err != nil {
			return nil, err
		}
		for _, v := range list {
			docs[strconv.Itoa(v.Number)] = v.Minutes
		}
	}
	return docs, nil
}
