package pgembed

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// tempDataDir returns a fresh directory straight from os.MkdirTemp: as
// root, a subdirectory of it would be unreachable for the postgres user.
func tempDataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pgembed-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func requireBinaries(t *testing.T) {
	t.Helper()
	if _, err := FindBinDir(); errors.Is(err, ErrNoBinaries) {
		t.Skip(err)
	}
}

func start(t *testing.T, dir string) *Cluster {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := Start(ctx, Options{DataDir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Stop() })
	return c
}

func connect(t *testing.T, c *Cluster) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestFindBinDir(t *testing.T) {
	requireBinaries(t)
	dir, err := FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	if !hasServerBinaries(dir) {
		t.Fatalf("FindBinDir() = %s, which lacks initdb or postgres", dir)
	}
	// Without pg_config on PATH the /usr/lib/postgresql scan must find
	// the same installation on a machine with a single version.
	t.Setenv("PATH", "")
	versions, _ := filepath.Glob(filepath.Join(debianRoot, "*", "bin"))
	if len(versions) != 1 {
		t.Skipf("%d versions under %s", len(versions), debianRoot)
	}
	got, err := FindBinDir()
	if err != nil || got != versions[0] {
		t.Fatalf("FindBinDir() without pg_config = %q, %v; want %s", got, err, versions[0])
	}
}

func TestVersionOrder(t *testing.T) {
	if !versionLess(versionOf("/x/9.6/bin"), versionOf("/x/15/bin")) {
		t.Error("9.6 should sort before 15")
	}
	if versionLess(versionOf("/x/16/bin"), versionOf("/x/15/bin")) {
		t.Error("16 should sort after 15")
	}
}

func TestRestartKeepsData(t *testing.T) {
	requireBinaries(t)
	dir := tempDataDir(t)
	c := start(t, dir)
	conn := connect(t, c)
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	sockDir := c.sockDir
	if err := c.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if _, err := os.Stat(sockDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket directory %s still there after Stop: %v", sockDir, err)
	}

	c = start(t, dir)
	var v string
	if err := connect(t, c).QueryRow(ctx, "SELECT v FROM kept").Scan(&v); err != nil || v != "hello" {
		t.Fatalf("after restart: %q, %v", v, err)
	}
}

func TestURL(t *testing.T) {
	c := &Cluster{sockDir: "/tmp/mb-pg-123"}
	u := c.URL("some db")
	cfg, err := pgx.ParseConfig(u)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Host != "/tmp/mb-pg-123" || cfg.Port != 5432 || cfg.Database != "some db" || cfg.User != "postgres" {
		t.Errorf("%s parsed as host %q port %d db %q user %q", u, cfg.Host, cfg.Port, cfg.Database, cfg.User)
	}
}

func TestStaleLock(t *testing.T) {
	requireBinaries(t)
	dir := tempDataDir(t)
	if err := start(t, dir).Stop(); err != nil {
		t.Fatal(err)
	}
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	// A dead pid, and a live pid that is not postgres (this test binary).
	for _, pid := range []int{dead.Process.Pid, os.Getpid()} {
		lock := fmt.Sprintf("%d\n%s\n1700000000\n5432\n/tmp/gone\n\n  5432001     65536\nready   \n", pid, dir)
		if err := os.WriteFile(filepath.Join(dir, "postmaster.pid"), []byte(lock), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := start(t, dir).Stop(); err != nil {
			t.Fatalf("with stale pid %d: %v", pid, err)
		}
	}
}

func TestInUse(t *testing.T) {
	requireBinaries(t)
	dir := tempDataDir(t)
	start(t, dir)
	_, err := Start(context.Background(), Options{DataDir: dir, Ephemeral: true})
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("second Start on a live data directory: %v", err)
	}
}

func TestUntraversableParent(t *testing.T) {
	requireBinaries(t)
	if os.Geteuid() != 0 {
		t.Skip("only root switches to the postgres user")
	}
	dir := tempDataDir(t) // 0700 root: the postgres user cannot enter it
	_, err := Start(context.Background(), Options{DataDir: filepath.Join(dir, "data")})
	if !errors.Is(err, errNotTraversable) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("got %v, want an error naming %s", err, dir)
	}
}

// TestNoOrphans kills -9 a process that runs a cluster and checks that the
// postmaster and its backends go with it, and that the next start clears
// the socket directory left behind.
func TestNoOrphans(t *testing.T) {
	requireBinaries(t)
	dir := tempDataDir(t)
	helper := exec.Command(os.Args[0], "-test.run=^TestHelperCluster$")
	helper.Env = append(os.Environ(), "PGEMBED_HELPER_DIR="+dir)
	out, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	var postmaster int
	var oldSockDir string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if sockDir, ok := strings.CutPrefix(sc.Text(), "SOCKDIR "); ok {
			oldSockDir = sockDir
			t.Cleanup(func() { os.RemoveAll(sockDir) })
		}
		if pid, ok := strings.CutPrefix(sc.Text(), "POSTMASTER "); ok {
			postmaster, _ = strconv.Atoi(pid)
			break
		}
	}
	if postmaster == 0 {
		helper.Process.Kill()
		helper.Wait()
		t.Fatalf("helper printed no postmaster pid: %v", sc.Err())
	}
	family := append(childrenOf(postmaster), postmaster)
	if len(family) < 2 {
		t.Fatalf("postmaster %d has no children", postmaster)
	}
	helper.Process.Signal(syscall.SIGKILL)
	helper.Wait()
	deadline := time.Now().Add(15 * time.Second)
	for _, pid := range family {
		for alive(pid) {
			if time.Now().After(deadline) {
				t.Fatalf("postgres process %d survived kill -9 of its parent", pid)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	// The next start clears the socket directory the killed run left.
	if _, err := os.Stat(oldSockDir); err != nil {
		t.Fatalf("the killed run's socket directory is already gone: %v", err)
	}
	start(t, dir)
	if _, err := os.Stat(oldSockDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the killed run's socket directory %s is still there after the next start: %v", oldSockDir, err)
	}
}

// TestHelperCluster is TestNoOrphans' victim: it runs a cluster forever.
func TestHelperCluster(t *testing.T) {
	dir := os.Getenv("PGEMBED_HELPER_DIR")
	if dir == "" {
		t.Skip("helper process for TestNoOrphans")
	}
	c, err := Start(context.Background(), Options{DataDir: dir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	conn := connect(t, c) // a backend, to check it dies too
	_ = conn
	fmt.Printf("SOCKDIR %s\nPOSTMASTER %d\n", c.sockDir, c.proc.cmd.Process.Pid)
	select {}
}

// childrenOf lists the pids whose parent is ppid.
func childrenOf(ppid int) []int {
	var kids []int
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		// Fields after the ")" closing the command name: state ppid ...
		rest := string(data[strings.LastIndexByte(string(data), ')')+1:])
		f := strings.Fields(rest)
		if len(f) > 1 && f[1] == strconv.Itoa(ppid) {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
			kids = append(kids, pid)
		}
	}
	return kids
}

// alive reports whether pid exists and is not a zombie.
func alive(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	rest := string(data[strings.LastIndexByte(string(data), ')')+1:])
	f := strings.Fields(rest)
	return len(f) > 0 && f[0] != "Z"
}

func TestEarlyExitShowsLog(t *testing.T) {
	requireBinaries(t)
	dir := tempDataDir(t)
	if err := start(t, dir).Stop(); err != nil {
		t.Fatal(err)
	}
	conf, err := os.OpenFile(filepath.Join(dir, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(conf, "no_such_setting = 1")
	conf.Close()
	_, err = Start(context.Background(), Options{DataDir: dir, Ephemeral: true})
	if err == nil || !strings.Contains(err.Error(), "no_such_setting") {
		t.Fatalf("got %v, want the server's complaint about no_such_setting", err)
	}
	t.Log(err)
}

func TestFindTool(t *testing.T) {
	requireBinaries(t)
	for _, name := range []string{"pg_dump", "pg_restore"} {
		path, err := FindTool(name)
		if err != nil || filepath.Base(path) != name {
			t.Errorf("FindTool(%s) = %q, %v", name, path, err)
		}
	}
	if _, err := FindTool("pg_no_such_tool"); err == nil || !strings.Contains(err.Error(), "postgresql-client") {
		t.Errorf("FindTool of a missing tool: %v", err)
	}
}
