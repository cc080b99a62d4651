// Package pgembed starts and stops a private PostgreSQL cluster using the
// PostgreSQL server binaries installed on the machine, so the app works
// without a separately administered database server.
//
// The cluster's data directory (PGDATA) is Options.DataDir itself; the
// server's log is DataDir/postgres.log. The server listens only on a unix
// socket in a fresh temporary directory, never on TCP, and trusts every
// local connection to that socket. Linux only (it relies on Pdeathsig and
// /proc).
package pgembed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// port is fixed: the socket directory is private, so nothing can clash.
const port = 5432

// Options configures Start.
type Options struct {
	// DataDir is the cluster's data directory (PGDATA). It is created and
	// initialised on first start and reused afterwards.
	DataDir string
	// BinDir holds initdb and postgres; "" means FindBinDir().
	BinDir string
	// Ephemeral trades durability for speed, for tests: no fsync, no
	// synchronous commit, no full-page writes, initdb --no-sync.
	Ephemeral bool
	// Logger receives lifecycle messages; nil means slog.Default(). The
	// server's own output goes to DataDir/postgres.log.
	Logger *slog.Logger
}

// Cluster is a running PostgreSQL server started by Start.
type Cluster struct {
	dataDir string
	sockDir string
	logger  *slog.Logger
	proc    *process
	logFile *os.File

	stopOnce sync.Once
	stopErr  error
}

// Start runs a PostgreSQL server on opts.DataDir, creating the cluster if
// needed, and returns once it accepts connections. ctx bounds only the
// startup; the server runs until Stop (or until this process dies).
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	if opts.DataDir == "" {
		return nil, errors.New("pgembed: Options.DataDir is empty")
	}
	dir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("pgembed: data directory: %w", err)
	}
	opts.DataDir = dir
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.BinDir == "" {
		if opts.BinDir, err = FindBinDir(); err != nil {
			return nil, err
		}
	}
	o, err := serverOwner()
	if err != nil {
		return nil, err
	}
	if err := prepareDataDir(ctx, opts, o); err != nil {
		return nil, err
	}
	if err := clearStaleLock(opts.DataDir); err != nil {
		return nil, err
	}
	sockDir, err := makeSocketDir(o)
	if err != nil {
		return nil, err
	}
	c, err := launch(ctx, opts, o, sockDir)
	if err != nil {
		_ = os.RemoveAll(sockDir)
		return nil, err
	}
	return c, nil
}

// launch starts postgres and waits until it is ready.
func launch(ctx context.Context, opts Options, o *owner, sockDir string) (*Cluster, error) {
	logPath := filepath.Join(opts.DataDir, "postgres.log")
	logFile, offset, err := openLog(logPath, o)
	if err != nil {
		return nil, err
	}
	// Settings go on the command line so postgresql.conf stays the user's.
	args := []string{
		"-D", opts.DataDir,
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=",
		"-c", "unix_socket_directories=" + sockDir,
	}
	if opts.Ephemeral {
		args = append(args,
			"-c", "fsync=off",
			"-c", "synchronous_commit=off",
			"-c", "full_page_writes=off")
	}
	cmd := exec.Command(filepath.Join(opts.BinDir, "postgres"), args...)
	cmd.Dir = opts.DataDir
	cmd.Env = serverEnv()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// SIGQUIT on our death is postgres' immediate shutdown: the postmaster
	// kills its backends before exiting. SIGKILL would orphan them until
	// they notice the postmaster is gone.
	p, err := spawn(cmd, syscall.SIGQUIT, o)
	if err != nil {
		logFile.Close()
		return nil, fmt.Errorf("pgembed: start postgres: %w", err)
	}
	c := &Cluster{dataDir: opts.DataDir, sockDir: sockDir, logger: opts.Logger, proc: p, logFile: logFile}
	socket := filepath.Join(sockDir, ".s.PGSQL."+strconv.Itoa(port))
	if err := waitReady(ctx, p, socket); err != nil {
		if !p.exited() {
			_ = p.terminate(step{syscall.SIGQUIT, 5 * time.Second}, step{syscall.SIGKILL, 5 * time.Second})
		}
		logFile.Close()
		return nil, fmt.Errorf("pgembed: start postgres: %w; end of %s:\n%s", err, logPath, logTail(logPath, offset))
	}
	go c.watch()
	opts.Logger.Info("pgembed: PostgreSQL ready", "dir", opts.DataDir, "socket", sockDir, "pid", cmd.Process.Pid)
	return c, nil
}

// watch reports a server that dies while the app relies on it.
func (c *Cluster) watch() {
	<-c.proc.done
	if !c.proc.stopping.Load() {
		c.logger.Error("pgembed: PostgreSQL exited unexpectedly", "err", c.proc.err,
			"log", filepath.Join(c.dataDir, "postgres.log"))
	}
}

// URL returns a postgres:// URL for database on this cluster, understood
// by pgx, libpq and golang-migrate. The socket directory goes in the host
// query parameter; port and sslmode are explicit so that PGPORT or
// PGSSLMODE in the environment cannot redirect the connection.
func (c *Cluster) URL(database string) string {
	u := url.URL{
		Scheme: "postgres",
		User:   url.User("postgres"),
		Path:   "/" + database,
		RawQuery: url.Values{
			"host":    {c.sockDir},
			"port":    {strconv.Itoa(port)},
			"sslmode": {"disable"},
		}.Encode(),
	}
	return u.String()
}

// Stop shuts the server down: a fast shutdown (SIGINT, which rolls back
// open transactions and checkpoints), then SIGQUIT after 10s and SIGKILL
// after 5s more. It removes the socket directory. Calling it again returns
// the first call's result.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() { c.stopErr = c.stop() })
	return c.stopErr
}

func (c *Cluster) stop() error {
	var errs []error
	if c.proc.exited() {
		errs = append(errs, fmt.Errorf("pgembed: postgres had already exited: %v", c.proc.err))
	} else if err := c.proc.terminate(
		step{syscall.SIGINT, 10 * time.Second},
		step{syscall.SIGQUIT, 5 * time.Second},
		step{syscall.SIGKILL, 5 * time.Second},
	); err != nil {
		errs = append(errs, err)
	}
	if err := c.logFile.Close(); err != nil {
		errs = append(errs, fmt.Errorf("pgembed: close log: %w", err))
	}
	if err := os.RemoveAll(c.sockDir); err != nil {
		errs = append(errs, fmt.Errorf("pgembed: remove socket directory: %w", err))
	}
	if len(errs) == 0 {
		c.logger.Info("pgembed: PostgreSQL stopped", "dir", c.dataDir)
	}
	return errors.Join(errs...)
}
