package pgembed

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// clearStaleLock removes pgdata/postmaster.pid when it was left by a run
// that no longer exists. postgres would otherwise refuse to start: it
// treats any live pid as a rival postmaster, and a pid recycled by an
// unrelated process (common after a reboot or in containers) is live.
func clearStaleLock(pgdata string) error {
	lock := filepath.Join(pgdata, "postmaster.pid")
	data, err := os.ReadFile(lock)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pgembed: read %s: %w", lock, err)
	}
	first, _, _ := strings.Cut(string(data), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err == nil && pid > 0 && isPostgres(pid) && servesDir(pid, pgdata) {
		return fmt.Errorf("pgembed: data directory %s is in use by a running PostgreSQL (pid %d); stop it or choose another --data-dir", pgdata, pid)
	}
	if err := os.Remove(lock); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("pgembed: remove stale %s: %w", lock, err)
	}
	return nil
}

// isPostgres reports whether pid is alive and runs a postgres binary.
// The postmaster keeps its original argv, so argv[0] names the binary.
func isPostgres(pid int) bool {
	cmdline, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	if err != nil || len(cmdline) == 0 {
		return false // gone, or a zombie with no command line
	}
	argv0, _, _ := bytes.Cut(cmdline, []byte{0})
	if bytes.HasPrefix(argv0, []byte("postgres:")) {
		return true // a child whose title was rewritten ("postgres: checkpointer")
	}
	base := filepath.Base(string(argv0))
	return base == "postgres" || base == "postmaster"
}

// servesDir reports whether postgres process pid serves pgdata. The
// postmaster chdirs into its data directory, so its cwd tells, which
// keeps a system cluster that happens to reuse the pid from blocking us.
// When the cwd cannot be read (another user's process) we assume it does.
func servesDir(pid int, pgdata string) bool {
	cwd, err := os.Readlink(filepath.Join("/proc", strconv.Itoa(pid), "cwd"))
	if err != nil {
		return true
	}
	want, err := filepath.EvalSymlinks(pgdata)
	if err != nil {
		want = pgdata
	}
	return cwd == want
}
