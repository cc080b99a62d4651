package pgembed

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
)

// serverUser is the account initdb and postgres run as when we are root:
// both refuse to run as root, and Debian's packages create this user.
const serverUser = "postgres"

// owner is the identity the server processes run as. A nil *owner means
// "the current user", which needs no credential switch and no chown.
type owner struct {
	name   string
	uid    uint32
	gid    uint32
	groups []uint32
}

// serverOwner returns who initdb and postgres must run as: the postgres
// user when we are root, nil (ourselves) otherwise.
func serverOwner() (*owner, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup(serverUser)
	if err != nil {
		return nil, fmt.Errorf("pgembed: running as root, PostgreSQL must run as the %q user, but looking it up failed: %w", serverUser, err)
	}
	o := &owner{name: u.Username}
	if o.uid, err = parseID(u.Uid); err != nil {
		return nil, fmt.Errorf("pgembed: uid of %q: %w", serverUser, err)
	}
	if o.gid, err = parseID(u.Gid); err != nil {
		return nil, fmt.Errorf("pgembed: gid of %q: %w", serverUser, err)
	}
	gids, err := u.GroupIds()
	if err != nil {
		// Supplementary groups are a nicety; the primary group suffices.
		gids = nil
	}
	for _, g := range gids {
		if id, err := parseID(g); err == nil {
			o.groups = append(o.groups, id)
		}
	}
	return o, nil
}

func parseID(s string) (uint32, error) {
	n, err := strconv.ParseUint(s, 10, 32)
	return uint32(n), err
}

// credential returns the SysProcAttr credential that switches to o.
func (o *owner) credential() *syscall.Credential {
	if o == nil {
		return nil
	}
	return &syscall.Credential{Uid: o.uid, Gid: o.gid, Groups: o.groups}
}

// chown gives path to o; a no-op when running as ourselves.
func (o *owner) chown(path string) error {
	if o == nil {
		return nil
	}
	if err := os.Lchown(path, int(o.uid), int(o.gid)); err != nil {
		return fmt.Errorf("pgembed: chown %s to %s: %w", path, o.name, err)
	}
	return nil
}

// chownTree gives the whole tree under root to o, unless root already
// belongs to o. This adopts a data directory initialised by another
// account (postgres refuses to start on a directory it does not own).
func (o *owner) chownTree(root string) error {
	if o == nil {
		return nil
	}
	fi, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("pgembed: stat %s: %w", root, err)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid == o.uid {
		return nil
	}
	return filepath.WalkDir(root, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("pgembed: walk %s: %w", path, err)
		}
		return o.chown(path)
	})
}

// checkTraversable makes sure o can reach dir, i.e. has search (x)
// permission on every ancestor. We deliberately do not chmod directories
// the user chose; a clear error that suggests another place is safer.
func (o *owner) checkTraversable(dir string) error {
	if o == nil {
		return nil
	}
	for parent := filepath.Dir(dir); ; parent = filepath.Dir(parent) {
		fi, err := os.Stat(parent)
		if err != nil {
			return fmt.Errorf("pgembed: stat %s: %w", parent, err)
		}
		if !o.canSearch(fi) {
			return fmt.Errorf("pgembed: data directory %s is unusable: PostgreSQL runs as the %q user (we are root), which cannot enter %s; choose a --data-dir outside it (e.g. under /var/lib or /srv): %w",
				dir, o.name, parent, errNotTraversable)
		}
		if parent == filepath.Dir(parent) {
			return nil
		}
	}
}

// errNotTraversable marks checkTraversable failures for tests.
var errNotTraversable = errors.New("directory not traversable")

// canSearch applies the classic owner/group/other permission rules for x.
func (o *owner) canSearch(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return true // cannot tell; let the server report it
	}
	perm := fi.Mode().Perm()
	switch {
	case st.Uid == o.uid:
		return perm&0o100 != 0
	case st.Gid == o.gid || slices.Contains(o.groups, st.Gid):
		return perm&0o010 != 0
	default:
		return perm&0o001 != 0
	}
}
