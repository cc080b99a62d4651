package pgembed

import (
	"fmt"
	"os"
)

// maxSocketPath leaves room for "/.s.PGSQL.5432" within sun_path (108
// bytes on Linux, including the terminating NUL).
const maxSocketPath = 107 - len("/.s.PGSQL.5432")

// socketDirPrefix begins the name of every socket directory makeSocketDir
// makes.
const socketDirPrefix = "mb-pg-"

// makeSocketDir creates the private directory the server puts its socket
// in. A long TMPDIR would overflow sun_path, so it falls back to /tmp.
func makeSocketDir(o *owner) (string, error) {
	dir, err := os.MkdirTemp("", socketDirPrefix)
	if err == nil && len(dir) > maxSocketPath {
		_ = os.Remove(dir)
		dir, err = os.MkdirTemp("/tmp", socketDirPrefix)
	}
	if err != nil {
		return "", fmt.Errorf("pgembed: create socket directory: %w", err)
	}
	if err := o.chown(dir); err != nil {
		_ = os.Remove(dir)
		return "", err
	}
	return dir, nil
}

// maxLogSize is when postgres.log is set aside as postgres.log.old at
// start, so a long-lived installation does not grow it without bound.
const maxLogSize = 10 << 20

// openLog opens the server log for appending and returns its size, where
// this run's output begins.
func openLog(path string, o *owner) (*os.File, int64, error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > maxLogSize {
		_ = os.Rename(path, path+".old")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, 0, fmt.Errorf("pgembed: open server log: %w", err)
	}
	// The file lives in the server's data directory; keep it the server
	// user's so the tree has a single owner.
	if err := o.chown(path); err != nil {
		f.Close()
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("pgembed: stat server log: %w", err)
	}
	return f, fi.Size(), nil
}
