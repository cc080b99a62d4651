package pgembed

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrNoBinaries reports that no PostgreSQL server binaries (initdb and
// postgres) could be found on this machine.
var ErrNoBinaries = errors.New("no PostgreSQL binaries found: install PostgreSQL (e.g. apt-get install postgresql) or set DATABASE_URL to use an existing server")

// debianRoot is where Debian and Ubuntu install one directory per major
// version; the server binaries are not on PATH there.
const debianRoot = "/usr/lib/postgresql"

// FindBinDir returns the directory holding initdb and postgres. It asks
// pg_config first (it names the installation the user chose), then takes
// the newest /usr/lib/postgresql/*/bin. The error wraps ErrNoBinaries when
// nothing usable is found.
func FindBinDir() (string, error) {
	if dir, ok := binDirFromPgConfig(); ok {
		return dir, nil
	}
	for _, dir := range debianBinDirs() {
		if hasServerBinaries(dir) {
			return dir, nil
		}
	}
	return "", fmt.Errorf("pgembed: find binaries (tried pg_config and %s/*/bin): %w", debianRoot, ErrNoBinaries)
}

// debianBinDirs lists /usr/lib/postgresql/*/bin, newest first: "15" must
// beat "9.6", so versions compare numerically.
func debianBinDirs() []string {
	matches, _ := filepath.Glob(filepath.Join(debianRoot, "*", "bin"))
	sort.Slice(matches, func(i, j int) bool {
		return versionLess(versionOf(matches[j]), versionOf(matches[i]))
	})
	return matches
}

// binDirFromPgConfig asks pg_config for its bindir. pg_config may belong to
// a client-only package (libpq-dev), so the directory is only trusted when
// the server binaries are really there.
func binDirFromPgConfig() (string, bool) {
	path, err := exec.LookPath("pg_config")
	if err != nil {
		return "", false
	}
	out, err := exec.Command(path, "--bindir").Output()
	if err != nil {
		return "", false
	}
	dir := strings.TrimSpace(string(out))
	return dir, dir != "" && hasServerBinaries(dir)
}

// hasServerBinaries reports whether dir holds executable initdb and postgres.
func hasServerBinaries(dir string) bool {
	for _, name := range []string{"initdb", "postgres"} {
		if !isExecutable(filepath.Join(dir, name)) {
			return false
		}
	}
	return true
}

// versionOf parses the version directory of /usr/lib/postgresql/<v>/bin
// into its numeric parts; a non-numeric name sorts as oldest.
func versionOf(binDir string) []int {
	name := filepath.Base(filepath.Dir(binDir))
	var parts []int
	for _, s := range strings.Split(name, ".") {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil
		}
		parts = append(parts, n)
	}
	return parts
}

// versionLess compares two parsed versions part by part.
func versionLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// FindTool returns the path of one of PostgreSQL's client programs (pg_dump,
// pg_restore), looked for as the server binaries are: beside them (pg_config
// first, then the newest /usr/lib/postgresql/*/bin that has it), then on
// PATH. pg_dump refuses a server newer than itself, so the newest wins.
func FindTool(name string) (string, error) {
	var dirs []string
	if dir, ok := binDirFromPgConfig(); ok {
		dirs = append(dirs, dir)
	}
	dirs = append(dirs, debianBinDirs()...)
	for _, dir := range dirs {
		if isExecutable(filepath.Join(dir, name)) {
			return filepath.Join(dir, name), nil
		}
	}
	if path, err := exec.LookPath(name); err == nil {
		return path, nil
	}
	return "", fmt.Errorf("pgembed: %s not found (tried pg_config, %s/*/bin and PATH): install PostgreSQL's client programs (apt-get install postgresql-client)", name, debianRoot)
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir() && fi.Mode().Perm()&0o111 != 0
}
