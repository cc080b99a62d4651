package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Tables lists the database's own tables ("public.actions"), sorted: what a
// backup holds, and what makes a database not empty.
func Tables(ctx context.Context, databaseURL string) ([]string, error) {
	conn, err := pgx.Connect(ctx, databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `
		SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
		ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("postgres: list tables: %w", err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: list tables: %w", err)
	}
	return tables, nil
}

// OtherSessions counts the connections to the database other than this
// one's: a server still running on it, for instance.
func OtherSessions(ctx context.Context, databaseURL string) (int, error) {
	conn, err := pgx.Connect(ctx, databaseURL)
	if err != nil {
		return 0, fmt.Errorf("postgres: connect: %w", err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count sessions: %w", err)
	}
	return n, nil
}

// DropEverything empties the database: its public schema, with every table
// and function in it, is dropped and made anew, owned by the user
// connecting. Only a restore with --force does this.
func DropEverything(ctx context.Context, databaseURL string) error {
	conn, err := pgx.Connect(ctx, databaseURL)
	if err != nil {
		return fmt.Errorf("postgres: connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `DROP SCHEMA public CASCADE; CREATE SCHEMA public`); err != nil {
		return fmt.Errorf("postgres: empty the database: %w", err)
	}
	return nil
}
