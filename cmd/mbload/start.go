package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
)

// started is a database and a server that mbload started, and how to stop them.
type started struct {
	baseURL     string
	databaseURL string
	pid         int
	cmd         *exec.Cmd
	cluster     *pgembed.Cluster
	log         *os.File
}

// startServer starts the private PostgreSQL in dataDir (unless databaseURL
// is given) and minutebook's server in a child process, so that the
// server's memory is its own and not the load generator's.
func startServer(ctx context.Context, dataDir, databaseURL string, stderr io.Writer) (*started, error) {
	h := &started{databaseURL: databaseURL}
	if databaseURL == "" {
		dir, err := filepath.Abs(dataDir)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
			return nil, fmt.Errorf("there is no database in %s: load one first with 'go run ./cmd/minutebook demo --scale large'", dir)
		}
		quiet := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		c, err := pgembed.Start(ctx, pgembed.Options{DataDir: dir, Logger: quiet})
		if err != nil {
			return nil, fmt.Errorf("start the private PostgreSQL: %w", err)
		}
		h.cluster, h.databaseURL = c, c.URL("minutebook")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		h.stop(stderr)
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	self, err := os.Executable()
	if err != nil {
		h.stop(stderr)
		return nil, err
	}
	if h.log, err = os.CreateTemp("", "mbload-server-*.log"); err != nil {
		h.stop(stderr)
		return nil, err
	}
	h.cmd = exec.Command(self, "-serve-child", "-addr", addr, "-database-url", h.databaseURL)
	h.cmd.Stdout, h.cmd.Stderr = h.log, h.log
	h.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if err := h.cmd.Start(); err != nil {
		h.stop(stderr)
		return nil, fmt.Errorf("start the server: %w", err)
	}
	h.pid, h.baseURL = h.cmd.Process.Pid, "http://"+addr
	err = waitFor(ctx, 30*time.Second, func() error {
		res, err := http.Get(h.baseURL + "/readyz")
		if err != nil {
			return err
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return fmt.Errorf("readyz: %s", res.Status)
		}
		return nil
	})
	if err != nil {
		h.stop(stderr)
		return nil, fmt.Errorf("the server did not become ready (its log is %s): %w", h.log.Name(), err)
	}
	fmt.Fprintf(stderr, "mbload: started the server at %s (pid %d, log %s)\n", h.baseURL, h.pid, h.log.Name())
	return h, nil
}

// stop ends the server, then PostgreSQL.
func (h *started) stop(stderr io.Writer) {
	if h.cmd != nil && h.cmd.Process != nil {
		_ = h.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = h.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = h.cmd.Process.Kill()
			<-done
		}
	}
	if h.log != nil {
		h.log.Close()
	}
	if h.cluster != nil {
		if err := h.cluster.Stop(); err != nil {
			fmt.Fprintln(stderr, "mbload: stop PostgreSQL:", err)
		}
	}
}

// serveChild serves minutebook as 'minutebook serve' does: the same
// handler, the same http.Server limits, one log line per request.
func serveChild(ctx context.Context, addr, databaseURL string, stderr io.Writer) error {
	if databaseURL == "" {
		return errors.New("-serve-child needs -database-url")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	store, err := postgres.Open(ctx, databaseURL)
	if err != nil {
		return err
	}
	defer store.Close()
	srv := &http.Server{
		Handler:           server.New(server.Config{Store: store, Logger: log}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// MBLOAD_PPROF=127.0.0.1:6060 serves the child's profiles there, to
	// find where a page spends its time.
	if a := os.Getenv("MBLOAD_PPROF"); a != "" {
		if err := requireLoopback("http://" + a); err != nil {
			return err
		}
		go func() { _ = http.ListenAndServe(a, pprofMux()) }()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

func pprofMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	return mux
}

// requireLoopback refuses to load anything but this machine.
func requireLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%q is not a URL such as http://127.0.0.1:8080", base)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("mbload loads only servers on this machine (127.0.0.1, ::1 or localhost), not %s", host)
}
