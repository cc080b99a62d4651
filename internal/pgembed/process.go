package pgembed

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
)

// process is a child started by spawn, with its exit observed by one
// goroutine so that any number of callers can wait on done.
type process struct {
	cmd      *exec.Cmd
	done     chan struct{} // closed once the child has exited
	err      error         // cmd.Wait's result; read only after done
	stopping atomic.Bool   // set when we asked it to exit
}

// spawn starts cmd so that it cannot outlive us and is shielded from the
// terminal's Ctrl-C:
//
//   - Setpgid puts the child in its own process group, so SIGINT from the
//     terminal reaches only our process, which then stops the child in
//     order (the app first drains its own connections).
//   - Pdeathsig makes the kernel signal the child when we die, even by
//     kill -9. The kernel ties it to the *thread* that forked, not to the
//     process: if that thread exited, the child would be signalled while
//     we live. The Go runtime only ends a thread when a goroutine locked to
//     it exits, so we fork from a goroutine locked to its thread that stays
//     alive (blocked in Wait) for exactly as long as the child lives.
//
// Go sets Pdeathsig after switching credentials, so the setting survives
// the switch to the postgres user (the kernel clears it on uid changes).
func spawn(cmd *exec.Cmd, deathSig syscall.Signal, o *owner) (*process, error) {
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Setpgid:    true,
		Pdeathsig:  deathSig,
		Credential: o.credential(),
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return p, nil
}

// exited reports whether the child has already exited.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// step is one escalation step of terminate: send sig, wait up to wait.
type step struct {
	sig  syscall.Signal
	wait time.Duration
}

// terminate runs the escalation steps until the child exits. It returns
// nil when the first signal sufficed, and an error naming the signal that
// finally worked (or saying that none did) otherwise, since a forced stop
// is worth reporting even though PostgreSQL recovers from it.
func (p *process) terminate(steps ...step) error {
	p.stopping.Store(true)
	pid := p.cmd.Process.Pid
	for i, s := range steps {
		if err := p.cmd.Process.Signal(s.sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return fmt.Errorf("pgembed: signal %s (pid %d): %w", p.cmd.Path, pid, err)
		}
		select {
		case <-p.done:
			if i > 0 {
				return fmt.Errorf("pgembed: %s (pid %d) did not exit within %v of %v; stopped it with %v",
					p.cmd.Path, pid, steps[0].wait, steps[0].sig, s.sig)
			}
			return nil
		case <-time.After(s.wait):
		}
	}
	return fmt.Errorf("pgembed: %s (pid %d) did not exit after %v", p.cmd.Path, pid, steps[len(steps)-1].sig)
}
