package postgres

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Unavailable reports whether err means that the database could not be
// reached or went away during the statement, rather than that the statement
// failed: nothing was saved, and the same request may succeed in a moment.
// The web server answers such errors with 503, not 500.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	// Not connecting at all, for whatever reason, is the database being
	// out of reach, even when the server said why (still starting, not
	// accepting connections, too many of them).
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Class 08 is a connection exception; 57P01–57P03 are the server
		// shutting down, crashing, or still starting (recovering).
		return strings.HasPrefix(pgErr.Code, "08") ||
			pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	var netErr net.Error
	return errors.As(err, &netErr) ||
		errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		// A pool that cannot connect waits until the request's deadline.
		errors.Is(err, context.DeadlineExceeded)
}
