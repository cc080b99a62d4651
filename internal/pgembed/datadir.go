package pgembed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// prepareDataDir makes sure dir holds a cluster that o can run: it creates
// dir (and missing parents), checks o can reach it, runs initdb the first
// time and hands ownership to o.
func prepareDataDir(ctx context.Context, opts Options, o *owner) error {
	dir := opts.DataDir
	// Parents we create are 0755 so that the postgres user can traverse
	// them; dir itself is private, as PostgreSQL demands.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("pgembed: create parent of data directory: %w", err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("pgembed: create data directory: %w", err)
	}
	if err := o.checkTraversable(dir); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err == nil {
		return o.chownTree(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("pgembed: read data directory: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("pgembed: data directory %s is not empty but holds no PostgreSQL cluster (no PG_VERSION); empty it or choose another --data-dir", dir)
	}
	if err := o.chown(dir); err != nil {
		return err
	}
	return initdb(ctx, opts, o)
}

// initdb creates the cluster. Trust authentication is safe because the
// server only listens on a socket in a private directory; the C locale
// keeps the cluster independent of the locales installed on the machine.
func initdb(ctx context.Context, opts Options, o *owner) error {
	args := []string{
		"-D", opts.DataDir,
		"--username=postgres",
		"--auth=trust",
		"--encoding=UTF8",
		"--locale=C",
	}
	if opts.Ephemeral {
		args = append(args, "--no-sync")
	}
	opts.Logger.Info("pgembed: creating PostgreSQL cluster", "dir", opts.DataDir)
	var out bytes.Buffer
	cmd := exec.Command(filepath.Join(opts.BinDir, "initdb"), args...)
	cmd.Dir = opts.DataDir
	cmd.Env = serverEnv()
	cmd.Stdout, cmd.Stderr = &out, &out
	p, err := spawn(cmd, syscall.SIGKILL, o)
	if err != nil {
		return fmt.Errorf("pgembed: initdb: %w", err)
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		// SIGTERM lets initdb remove what it wrote, so the next start
		// finds an empty directory and tries again.
		_ = p.terminate(step{syscall.SIGTERM, 10 * time.Second}, step{syscall.SIGKILL, 5 * time.Second})
		return fmt.Errorf("pgembed: initdb: %w", ctx.Err())
	}
	if p.err != nil {
		return fmt.Errorf("pgembed: initdb: %w\n%s", p.err, strings.TrimSpace(out.String()))
	}
	return nil
}

// serverEnv is our environment without PG* variables: PGDATA, PGPORT and
// friends from the user's shell must not redirect the private server.
func serverEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			env = append(env, kv)
		}
	}
	return env
}
