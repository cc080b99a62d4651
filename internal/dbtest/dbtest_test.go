package dbtest_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestSeparateMigratedDatabases(t *testing.T) {
	ctx := context.Background()
	a, b := connect(t, dbtest.URL(t)), connect(t, dbtest.URL(t))
	var nameA, nameB string
	if err := a.QueryRow(ctx, "SELECT current_database()").Scan(&nameA); err != nil {
		t.Fatal(err)
	}
	if err := b.QueryRow(ctx, "SELECT current_database()").Scan(&nameB); err != nil {
		t.Fatal(err)
	}
	if nameA == nameB {
		t.Fatalf("both URLs name database %s", nameA)
	}
	for _, conn := range []*pgx.Conn{a, b} {
		var migrated bool
		if err := conn.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&migrated); err != nil {
			t.Fatal(err)
		}
		if !migrated {
			t.Error("schema_migrations is missing: the template was not migrated")
		}
	}
	if _, err := a.Exec(ctx, "CREATE TABLE only_in_a (id int)"); err != nil {
		t.Fatal(err)
	}
	var leaked bool
	if err := b.QueryRow(ctx, "SELECT to_regclass('only_in_a') IS NOT NULL").Scan(&leaked); err != nil || leaked {
		t.Fatalf("a table created in one test database shows in another: %v, %v", leaked, err)
	}
}

func TestDatabaseDroppedAfterTest(t *testing.T) {
	ctx := context.Background()
	var name string
	t.Run("user", func(t *testing.T) {
		// An unclosed connection must not stop the drop.
		conn, err := pgx.Connect(ctx, dbtest.URL(t))
		if err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&name); err != nil {
			t.Fatal(err)
		}
	})
	var exists bool
	err := connect(t, dbtest.AdminURL()).QueryRow(ctx,
		"SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name).Scan(&exists)
	if err != nil || exists {
		t.Fatalf("database %s still exists after its test: %v, %v", name, exists, err)
	}
}

func TestPool(t *testing.T) {
	t.Parallel()
	var one int
	if err := dbtest.Pool(t).QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1 = %d, %v", one, err)
	}
}
