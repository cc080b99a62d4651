// Package pgembed starts and stops a private PostgreSQL cluster using the
// PostgreSQL server binaries installed on the machine, so the app works
// without a separately administered database server.
//
// The cluster's data directory (PGDATA) is Options.DataDir itself; the
// server's log is DataDir/postgres.log. The server listens only on a unix
// socket in a fresh temporary directory, never on TCP, and trusts every
// local connection to that socket. A server that dies is restarted (see
// supervise); Running finds a server that another process started on a data
// directory, for commands run beside it. Linux only (it relies on Pdeathsig
// and /proc).
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
	// SocketDir is where the server puts its socket; "" means a fresh
	// private directory, removed by Stop. A test that stops and starts a
	// cluster under a client names one, so that the URL stays the same.
	SocketDir string
}

// Cluster is a running PostgreSQL server started by Start, or found running
// by Running.
type Cluster struct {
	opts    Options
	owner   *owner
	sockDir string
	logFile *os.File
	running bool // found running, not started here: Stop leaves it be

	mu      sync.Mutex
	proc    *process // the postmaster now; replaced when it is restarted
	stopped bool     // Stop was called: the supervisor restarts nothing

	quit       chan struct{} // closed by Stop
	supervised chan struct{} // closed when the supervisor has returned

	stopOnce sync.Once
	stopErr  error
}

// Start runs a PostgreSQL server on opts.DataDir, creating the cluster if
// needed, and returns once it accepts connections. ctx bounds only the
// startup; the server runs until Stop (or until this process dies), and is
// restarted if it dies before (see supervise).
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
	// No server runs here now, so a socket directory recorded by an
	// earlier run is a crashed run's leftover.
	clearOldSocketDir(opts.DataDir, opts.Logger)
	sockDir := opts.SocketDir
	if sockDir == "" {
		if sockDir, err = makeSocketDir(o); err != nil {
			return nil, err
		}
	} else if err := o.chown(sockDir); err != nil {
		return nil, err
	}
	removeSockDir := func() {
		if opts.SocketDir == "" {
			_ = os.RemoveAll(sockDir)
		}
	}
	if err := recordSocketDir(opts.DataDir, sockDir, opts.SocketDir == "", o); err != nil {
		removeSockDir()
		return nil, err
	}
	logFile, offset, err := openLog(filepath.Join(opts.DataDir, "postgres.log"), o)
	if err != nil {
		removeSockDir()
		return nil, err
	}
	c := &Cluster{opts: opts, owner: o, sockDir: sockDir, logFile: logFile,
		quit: make(chan struct{}), supervised: make(chan struct{})}
	p, err := c.launch(ctx, offset)
	if err != nil {
		logFile.Close()
		removeSockDir()
		return nil, err
	}
	c.proc = p
	go c.supervise()
	return c, nil
}

// launch starts postgres and waits until it is ready; offset is where this
// run's output begins in the log, for the error message.
func (c *Cluster) launch(ctx context.Context, offset int64) (*process, error) {
	// Settings go on the command line so postgresql.conf stays the user's.
	args := []string{
		"-D", c.opts.DataDir,
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=",
		"-c", "unix_socket_directories=" + c.sockDir,
	}
	if c.opts.Ephemeral {
		args = append(args,
			"-c", "fsync=off",
			"-c", "synchronous_commit=off",
			"-c", "full_page_writes=off")
	}
	cmd := exec.Command(filepath.Join(c.opts.BinDir, "postgres"), args...)
	cmd.Dir = c.opts.DataDir
	cmd.Env = serverEnv()
	cmd.Stdout, cmd.Stderr = c.logFile, c.logFile
	// SIGQUIT on our death is postgres' immediate shutdown: the postmaster
	// kills its backends before exiting. SIGKILL would orphan them until
	// they notice the postmaster is gone.
	p, err := spawn(cmd, syscall.SIGQUIT, c.owner)
	if err != nil {
		return nil, fmt.Errorf("pgembed: start postgres: %w", err)
	}
	socket := filepath.Join(c.sockDir, ".s.PGSQL."+strconv.Itoa(port))
	if err := waitReady(ctx, p, socket); err != nil {
		if !p.exited() {
			_ = p.terminate(step{syscall.SIGQUIT, 5 * time.Second}, step{syscall.SIGKILL, 5 * time.Second})
		}
		logPath := filepath.Join(c.opts.DataDir, "postgres.log")
		return nil, fmt.Errorf("pgembed: start postgres: %w; end of %s:\n%s", err, logPath, logTail(logPath, offset))
	}
	c.opts.Logger.Info("pgembed: PostgreSQL ready", "dir", c.opts.DataDir, "socket", c.sockDir, "pid", cmd.Process.Pid)
	return p, nil
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

// Pid returns the postmaster's process id now (it changes when the server
// is restarted).
func (c *Cluster) Pid() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.proc == nil {
		return 0
	}
	return c.proc.cmd.Process.Pid
}

// Stop shuts the server down: a fast shutdown (SIGINT, which rolls back
// open transactions and checkpoints), then SIGQUIT after 10s and SIGKILL
// after 5s more. It removes the socket directory it made. Calling it again
// returns the first call's result. A cluster found by Running is left
// running.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() { c.stopErr = c.stop() })
	return c.stopErr
}

func (c *Cluster) stop() error {
	if c.running {
		return nil
	}
	c.mu.Lock()
	c.stopped = true
	p := c.proc
	c.mu.Unlock()
	close(c.quit)
	var errs []error
	if p.exited() {
		errs = append(errs, fmt.Errorf("pgembed: postgres had already exited: %v", p.err))
	} else if err := p.terminate(
		step{syscall.SIGINT, 10 * time.Second},
		step{syscall.SIGQUIT, 5 * time.Second},
		step{syscall.SIGKILL, 5 * time.Second},
	); err != nil {
		errs = append(errs, err)
	}
	<-c.supervised
	if err := c.logFile.Close(); err != nil {
		errs = append(errs, fmt.Errorf("pgembed: close log: %w", err))
	}
	if c.opts.SocketDir == "" {
		if err := os.RemoveAll(c.sockDir); err != nil {
			errs = append(errs, fmt.Errorf("pgembed: remove socket directory: %w", err))
		}
	}
	_ = os.Remove(filepath.Join(c.opts.DataDir, socketRecord))
	if len(errs) == 0 {
		c.opts.Logger.Info("pgembed: PostgreSQL stopped", "dir", c.opts.DataDir)
	}
	return errors.Join(errs...)
}
