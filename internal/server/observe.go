package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// requestNote is what the middleware learns of a request on its way in,
// for the request's log line: who asked (authenticate fills it in).
type requestNote struct{ userID int64 }

type requestNoteKey struct{}

// noteUser records who is asking, for the request's log line.
func noteUser(ctx context.Context, id int64) {
	if n, ok := ctx.Value(requestNoteKey{}).(*requestNote); ok {
		n.userID = id
	}
}

// observe writes one structured line per request, with its request id, the
// route pattern it matched and the signed-in user's id, and records its
// duration in the metrics by route pattern (the path itself would make a
// series per meeting).
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		note := &requestNote{}
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r.WithContext(context.WithValue(r.Context(), requestNoteKey{}, note)))
		elapsed := time.Since(start)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		route := "unmatched"
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			route = rc.RoutePattern()
		}
		s.metrics.observe(r.Method, route, status, elapsed)
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		attrs := []slog.Attr{
			slog.String("request_id", middleware.GetReqID(r.Context())),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Duration("duration", elapsed),
		}
		if note.userID != 0 {
			attrs = append(attrs, slog.Int64("user_id", note.userID))
		}
		s.log.LogAttrs(r.Context(), level, "request", attrs...)
	})
}
