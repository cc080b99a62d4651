package pgembed

import (
	"context"
	"path/filepath"
	"syscall"
	"time"
)

// Restart backoff: the first attempt soon after the crash, then doubling,
// so that a server that cannot start does not spin.
const (
	restartFirst = 50 * time.Millisecond
	restartMax   = 10 * time.Second
)

// supervise restarts the server whenever it exits without Stop having asked
// it to, until Stop. PostgreSQL's own crash recovery replays the WAL at the
// restart, so what was committed is kept and what was not is gone.
func (c *Cluster) supervise() {
	defer close(c.supervised)
	logPath := filepath.Join(c.opts.DataDir, "postgres.log")
	for {
		c.mu.Lock()
		p := c.proc
		c.mu.Unlock()
		select {
		case <-p.done:
		case <-c.quit:
			return
		}
		c.mu.Lock()
		stopped := c.stopped
		c.mu.Unlock()
		if stopped {
			return
		}
		died := time.Now()
		c.opts.Logger.Error("pgembed: PostgreSQL exited unexpectedly; restarting it", "err", p.err, "pid", p.cmd.Process.Pid, "log", logPath)
		np := c.restart(died)
		if np == nil {
			return // stopped while restarting
		}
		c.mu.Lock()
		if c.stopped {
			c.mu.Unlock()
			_ = np.terminate(step{syscall.SIGINT, 10 * time.Second}, step{syscall.SIGKILL, 5 * time.Second})
			return
		}
		c.proc = np
		c.mu.Unlock()
		c.opts.Logger.Warn("pgembed: PostgreSQL restarted", "pid", np.cmd.Process.Pid, "down_for", time.Since(died).Round(time.Millisecond))
	}
}

// orphanPoll is how often restart looks for the dead server's processes.
const orphanPoll = 25 * time.Millisecond

// waitForOldProcesses waits until no process of the dead server is left.
// Its backends exit when they notice that the postmaster is gone, which
// may take a second; until they have, the data directory is still theirs,
// and removing the lock under them would let two servers write it. They
// are sent SIGQUIT, as the postmaster itself does to every backend when
// one crashes. It returns false if Stop is called meanwhile.
func (c *Cluster) waitForOldProcesses() bool {
	start, said := time.Now(), time.Time{}
	for {
		pids := serverProcesses(c.opts.DataDir)
		if len(pids) == 0 {
			return true
		}
		for _, pid := range pids {
			_ = syscall.Kill(pid, syscall.SIGQUIT)
		}
		if time.Since(said) > 10*time.Second {
			c.opts.Logger.Info("pgembed: waiting for the old server's processes to exit", "pids", pids, "waited", time.Since(start).Round(time.Millisecond))
			said = time.Now()
		}
		select {
		case <-c.quit:
			return false
		case <-time.After(orphanPoll):
		}
	}
}

// restart tries to start the server again, with backoff, until it is ready
// or Stop is called (then it returns nil).
func (c *Cluster) restart(died time.Time) *process {
	delay := restartFirst
	for attempt := 1; ; attempt++ {
		select {
		case <-c.quit:
			return nil
		case <-time.After(delay):
		}
		delay = min(2*delay, restartMax)
		if !c.waitForOldProcesses() {
			return nil
		}
		if err := clearStaleLock(c.opts.DataDir); err != nil {
			c.opts.Logger.Error("pgembed: restart", "attempt", attempt, "err", err)
			continue
		}
		offset := int64(0)
		if fi, err := c.logFile.Stat(); err == nil {
			offset = fi.Size()
		}
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-c.quit:
				cancel()
			case <-ctx.Done():
			}
		}()
		np, err := c.launch(ctx, offset)
		cancel()
		if err == nil {
			return np
		}
		c.opts.Logger.Error("pgembed: restart failed; trying again", "attempt", attempt, "retry_in", delay, "down_for", time.Since(died).Round(time.Millisecond), "err", err)
	}
}
