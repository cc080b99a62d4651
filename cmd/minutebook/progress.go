package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how far a long command has got: a bar redrawn in place on
// the terminal, or, when the output is not a terminal (a log, a pipe, CI),
// plain lines that read well in a file.
type progress struct {
	lines io.Writer                // where the command's own lines go
	tty   io.Writer                // the terminal the bar is drawn on; nil without one
	bar   *progressbar.ProgressBar // the bar of the current stage
	total int64
	done  int64
	what  string
	plain bool // print a line per step when there is no bar
}

// newProgress returns a progress for a command that prints its lines to
// lines; the bar goes to stderr when it is a terminal. plain asks for a
// line per step without one; a command whose own lines already say what
// each step did passes false.
func newProgress(lines, stderr io.Writer, plain bool) *progress {
	p := &progress{lines: lines, plain: plain}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = f
	}
	return p
}

// Stage starts counting total steps of what ("dumping tables"), ending the
// stage before.
func (p *progress) Stage(what string, total int64) {
	p.Finish()
	p.what, p.total, p.done = what, total, 0
	if p.tty != nil {
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.tty),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
}

// Step counts one step done, named desc ("public.actions").
func (p *progress) Step(desc string) {
	p.done++
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("%s: %s", p.what, desc))
		_ = p.bar.Add64(1)
	} else if p.plain {
		fmt.Fprintf(p.lines, "  %s: %s (%d of %d)\n", p.what, desc, p.done, p.total)
	}
}

// Set moves the count to done of total (rows of a table streaming).
func (p *progress) Set(done int64) {
	p.done = done
	if p.bar != nil {
		_ = p.bar.Set64(done)
	}
}

// Write prints the command's own lines, clearing the bar first so that the
// two do not mix; the bar is drawn again at its next step.
func (p *progress) Write(b []byte) (int, error) {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	return p.lines.Write(b)
}

// Finish ends the current stage, taking its bar off the terminal.
func (p *progress) Finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}
