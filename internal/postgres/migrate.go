package postgres

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5" // registers pgx5://
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"github.com/minutebook/minutebook/migrations"
)

// newMigrate returns a migrator for the database at databaseURL, which may be
// given as postgres://, postgresql:// or pgx5://.
func newMigrate(databaseURL string) (*migrate.Migrate, error) {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("postgres: open migrations: %w", err)
	}
	m, err := migrate.NewWithSourceInstance("iofs", src, migrateURL(databaseURL))
	if err != nil {
		return nil, fmt.Errorf("postgres: connect for migrations: %w", err)
	}
	return m, nil
}

// migrateURL turns a PostgreSQL URL into the pgx5:// form that
// golang-migrate's pgx/v5 driver registers under.
func migrateURL(databaseURL string) string {
	for _, prefix := range []string{"postgres://", "postgresql://"} {
		if strings.HasPrefix(databaseURL, prefix) {
			return "pgx5://" + strings.TrimPrefix(databaseURL, prefix)
		}
	}
	if !strings.Contains(databaseURL, "://") {
		// A keyword/value string ("host=… dbname=…"): migrate wants a URL.
		return "pgx5://?" + keywordsToQuery(databaseURL)
	}
	return databaseURL
}

func keywordsToQuery(dsn string) string {
	q := url.Values{}
	for _, f := range strings.Fields(dsn) {
		k, v, ok := strings.Cut(f, "=")
		if ok {
			q.Set(k, strings.Trim(v, "'"))
		}
	}
	return q.Encode()
}

// Migrate applies every pending migration to the database at databaseURL.
func Migrate(databaseURL string) error {
	m, err := newMigrate(databaseURL)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("postgres: migrate up: %w", err)
	}
	return nil
}

// MigrateDown reverts the newest n migrations.
func MigrateDown(databaseURL string, n int) error {
	if n < 1 {
		return fmt.Errorf("postgres: migrate down needs a count of at least 1, got %d", n)
	}
	m, err := newMigrate(databaseURL)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Steps(-n); err != nil {
		return fmt.Errorf("postgres: migrate down %d: %w", n, err)
	}
	return nil
}

// MigrationVersion reports the schema version and whether a failed migration
// left it dirty. Version 0 means no migration has been applied.
func MigrationVersion(databaseURL string) (version uint, dirty bool, err error) {
	m, err := newMigrate(databaseURL)
	if err != nil {
		return 0, false, err
	}
	defer m.Close()
	version, dirty, err = m.Version()
	if errors.Is(err, migrate.ErrNilVersion) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("postgres: migration version: %w", err)
	}
	return version, dirty, nil
}
