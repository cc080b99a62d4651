package pgembed

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// socketRecord is the file in the data directory that names the socket
// directory of the server running there, so that the next start can remove
// it when a crash left it behind (postgres forgets it when killed).
const socketRecord = "minutebook-socket-dir"

// recordSocketDir notes sockDir in the data directory; owned says whether it
// is ours to remove later.
func recordSocketDir(dataDir, sockDir string, owned bool, o *owner) error {
	path := filepath.Join(dataDir, socketRecord)
	if !owned {
		_ = os.Remove(path)
		return nil
	}
	if err := os.WriteFile(path, []byte(sockDir+"\n"), 0o600); err != nil {
		return fmt.Errorf("pgembed: record socket directory: %w", err)
	}
	return o.chown(path)
}

// clearOldSocketDir removes the socket directory an earlier run recorded,
// once no server runs on the data directory. Only a directory of the form
// makeSocketDir makes is removed.
func clearOldSocketDir(dataDir string, log *slog.Logger) {
	path := filepath.Join(dataDir, socketRecord)
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	old := strings.TrimSpace(string(data))
	if filepath.IsAbs(old) && strings.HasPrefix(filepath.Base(old), socketDirPrefix) {
		if err := os.RemoveAll(old); err == nil {
			log.Info("pgembed: removed the socket directory a crashed run left", "dir", old)
		}
	}
	_ = os.Remove(path)
}

// ErrNotRunning reports that no server runs on a data directory.
var ErrNotRunning = errors.New("pgembed: no PostgreSQL runs on the data directory")

// Running returns the server that another process (minutebook serve)
// started on dataDir, to connect to through its socket; Stop leaves it
// running. It returns ErrNotRunning when there is none.
func Running(dataDir string) (*Cluster, error) {
	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, fmt.Errorf("pgembed: data directory: %w", err)
	}
	// postmaster.pid: pid, data directory, start time, port, first socket
	// directory, listen address, shared memory key, status.
	data, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotRunning
	}
	if err != nil {
		return nil, fmt.Errorf("pgembed: read postmaster.pid: %w", err)
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 8 {
		return nil, ErrNotRunning // still being written: not ready
	}
	pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil || !isPostgres(pid) || !servesDir(pid, dir) {
		return nil, ErrNotRunning
	}
	if status := strings.TrimSpace(lines[7]); status != "ready" {
		return nil, fmt.Errorf("pgembed: the PostgreSQL on %s (pid %d) is not ready (%s); try again in a moment", dir, pid, status)
	}
	sockDir := strings.TrimSpace(lines[4])
	if p, err := strconv.Atoi(strings.TrimSpace(lines[3])); err != nil || p != port || sockDir == "" {
		return nil, fmt.Errorf("pgembed: the PostgreSQL on %s (pid %d) was not started by minutebook (port %s, socket %q)", dir, pid, strings.TrimSpace(lines[3]), sockDir)
	}
	return &Cluster{opts: Options{DataDir: dir}, sockDir: sockDir, running: true}, nil
}

// serverProcesses lists the postgres processes whose working directory is
// dataDir: a server's postmaster and backends all run there. Unlike
// servesDir it counts a process only when it can tell.
func serverProcesses(dataDir string) []int {
	want, err := filepath.EvalSymlinks(dataDir)
	if err != nil {
		want = dataDir
	}
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || !isPostgres(pid) {
			continue
		}
		if cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd")); err == nil && cwd == want {
			pids = append(pids, pid)
		}
	}
	return pids
}
