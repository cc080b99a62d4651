package demo_test

import (
	"context"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// loadedDemo opens a fresh database with the demo loaded, closed when the
// test ends.
func loadedDemo(t *testing.T) *postgres.Store {
	t.Helper()
	ctx := context.Background()
	store, err := postgres.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	if _, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	return store
}
