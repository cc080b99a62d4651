package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/browsertest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func indexOf(s, sub string) int { return strings.Index(s, sub) }
func itoa(n int) string         { return strconv.Itoa(n) }
func i64(n int64) string        { return strconv.FormatInt(n, 10) }

func auditFilterEntity(entity string) mb.AuditFilter { return mb.AuditFilter{Entity: entity} }

// restoreSQL runs one statement as a restore would (a.restore): past the
// triggers, then what they derive set again.
func restoreSQL(t *testing.T, a *app, sql string, args ...any) {
	t.Helper()
	a.restore(t, func(tx pgx.Tx) error {
		_, err := tx.Exec(context.Background(), sql, args...)
		return err
	})
}

// phoneOverflow is how wide the page in the browser is on a 390 px phone,
// and when wider, the elements that stick out (leaving aside those within
// a table that scrolls by itself).
func phoneOverflow(t *testing.T, b *browsertest.Browser) (width int, wide string) {
	t.Helper()
	b.Run(t,
		chromedp.EmulateViewport(390, 844),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392 && (!e.parentElement.closest('.table-scroll'))).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')`, &wide),
		chromedp.EmulateViewport(1280, 900),
	)
	return width, wide
}
