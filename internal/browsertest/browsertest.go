// Package browsertest drives a headless Chromium from Go tests with chromedp.
//
// Tests call [New] to get a tab, then [Browser.Run] with ordinary chromedp
// actions. Everything about the browser process (finding the binary, flags,
// a throwaway profile, shutdown) is handled here so that individual tests
// read as a list of user steps.
//
// When no Chromium is installed the test is skipped, so `go test ./...` works
// on a bare laptop; CI sets MINUTEBOOK_E2E=1 to turn that skip into a
// failure, so a broken CI image cannot silently pass by skipping every
// browser test.
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// DefaultStepTimeout is how long each action passed to [Browser.Run] may
// take. It is per action rather than per Run call so that a hung step fails
// quickly and the error can say which step it was.
const DefaultStepTimeout = 15 * time.Second

// startTimeout bounds launching Chromium and opening the first tab. A cold
// start on a loaded CI machine takes a few seconds; anything near this
// limit means the browser is wedged, not slow.
const startTimeout = 60 * time.Second

// artifactTimeout bounds capturing the screenshot and HTML after a failure,
// so that a dead browser cannot turn one failure into a hang.
const artifactTimeout = 10 * time.Second

// closeTimeout bounds the graceful browser shutdown in cleanup.
const closeTimeout = 5 * time.Second

// EnvChromium names the variable that overrides the Chromium binary.
const EnvChromium = "MINUTEBOOK_CHROMIUM"

// EnvE2E names the variable that, when "1", makes a missing Chromium fail
// the test instead of skipping it.
const EnvE2E = "MINUTEBOOK_E2E"

// Browser is one headless Chromium process with a single tab and its own
// throwaway profile, so cookies and storage never leak between Browsers.
type Browser struct {
	// StepTimeout is the deadline given to each action in Run; zero means
	// DefaultStepTimeout. Raise it for a test with a known slow step rather
	// than raising the default for everyone.
	StepTimeout time.Duration

	ctx      context.Context
	execPath string

	mu       sync.Mutex
	jsErrors []string
	dialogs  []string
	allowJS  bool
	cdpLog   bytes.Buffer // chromedp's own complaints, for step failures
	procLog  bytes.Buffer // Chromium's stdout and stderr, for start failures
}

// New returns a browser tab for one test; everything it starts is stopped
// and removed in tb.Cleanup.
//
// Chromium is taken from $MINUTEBOOK_CHROMIUM, else /usr/bin/chromium, else
// the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH. If none is found the test is skipped, or
// fails when MINUTEBOOK_E2E=1.
//
// Uncaught JavaScript exceptions and console.error calls on any page the
// tab visits fail the test at cleanup; see [Browser.AllowJSErrors].
func New(tb testing.TB) *Browser {
	tb.Helper()
	return start(tb, findChromium(tb))
}

// NewTab returns a second, independent browser: a separate Chromium process
// with its own profile, hence its own cookies. Use it for a second user,
// e.g. an anonymous reader next to a signed-in editor. A separate process
// rather than a second tab is deliberate: tabs in one profile share cookies.
func (b *Browser) NewTab(tb testing.TB) *Browser {
	tb.Helper()
	return start(tb, b.execPath)
}

// Ctx returns the tab's context, for calling chromedp directly (for example
// chromedp.ListenTarget). It carries no deadline; callers that run actions
// on it should add their own.
func (b *Browser) Ctx() context.Context { return b.ctx }

// Run runs actions in order, each with its own StepTimeout deadline. On the
// first failure it saves a screenshot and the page HTML to a fresh temporary
// directory and calls tb.Fatalf naming the step and that directory.
func (b *Browser) Run(tb testing.TB, actions ...chromedp.Action) {
	tb.Helper()
	timeout := b.StepTimeout
	if timeout <= 0 {
		timeout = DefaultStepTimeout
	}
	for i, action := range actions {
		ctx, cancel := context.WithTimeout(b.ctx, timeout)
		err := chromedp.Run(ctx, action)
		cancel()
		if err == nil {
			continue
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("timed out after %v: %w", timeout, err)
		}
		dir := b.saveArtifacts(tb)
		tb.Fatalf("browsertest: step %d of %d (%T) failed: %v\nscreenshot and HTML: %s%s",
			i+1, len(actions), action, err, dir, b.logTail(&b.cdpLog, "chromedp log"))
	}
}

// Text returns the innerText of the first element matching the CSS
// selector, after waiting for it to be visible.
func (b *Browser) Text(tb testing.TB, sel string) string {
	tb.Helper()
	var s string
	b.Run(tb,
		chromedp.WaitVisible(sel, chromedp.ByQuery),
		chromedp.Text(sel, &s, chromedp.ByQuery),
	)
	return s
}

// AllowJSErrors stops JavaScript errors from failing the test, for tests
// that provoke them on purpose. They are still recorded; see JSErrors.
func (b *Browser) AllowJSErrors() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.allowJS = true
}

// JSErrors returns the uncaught exceptions and console.error messages seen
// so far, oldest first.
func (b *Browser) JSErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.jsErrors...)
}

// findChromium returns the browser binary, or skips/fails tb when there is
// none.
func findChromium(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv(EnvChromium); p != "" {
		// An explicit choice that does not work is a configuration error,
		// never a reason to skip.
		path, err := exec.LookPath(p)
		if err != nil {
			tb.Fatalf("browsertest: %s=%q: %v", EnvChromium, p, err)
		}
		return path
	}
	if isExecutable("/usr/bin/chromium") {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	msg := "browsertest: no Chromium found (install it with `apt-get install -y chromium`, or set " +
		EnvChromium + " to its path)"
	if os.Getenv(EnvE2E) == "1" {
		tb.Fatal(msg + "; " + EnvE2E + "=1 requires browser tests to run")
	}
	tb.Skip(msg)
	return ""
}

// removeAll removes dir, retrying briefly because Chromium's helper
// processes can outlive the main process by a few milliseconds and still
// create files in the profile.
func removeAll(dir string) error {
	var err error
	for range 20 {
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// start launches a browser and opens its tab, registering all teardown with
// tb.Cleanup.
func start(tb testing.TB, execPath string) *Browser {
	tb.Helper()
	b := &Browser{execPath: execPath}

	// Our own directory rather than chromedp's default so that the profile
	// is removed even if chromedp's cleanup is interrupted.
	dataDir, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		tb.Fatalf("browsertest: %v", err)
	}

	// Copy the defaults: appending to a slice of the package's array could
	// otherwise share its backing store between Browsers.
	opts := append([]chromedp.ExecAllocatorOption(nil), chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts,
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(dataDir),
		// Keep the browser from talking to anything but the server under
		// test: background traffic makes tests slow and flaky offline.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Small /dev/shm in containers crashes renderers.
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.CombinedOutput(logWriter{b}),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx,
		// chromedp logs to the standard logger by default, which would
		// interleave with every test's output; keep it for failure reports.
		chromedp.WithLogf(b.logf),
		chromedp.WithErrorf(b.logf),
	)
	b.ctx = ctx

	tb.Cleanup(func() {
		// Ask Chromium to close first: killing it outright leaves its
		// helper processes writing to the profile for a moment, which
		// races with removing it. Cancelling afterwards is the fallback
		// for a browser that did not start or does not answer, and
		// cancelling the allocator waits for the process to exit.
		closeCtx, cancelClose := context.WithTimeout(ctx, closeTimeout)
		_ = chromedp.Cancel(closeCtx)
		cancelClose()
		cancelTab()
		cancelAlloc()
		if err := removeAll(dataDir); err != nil {
			tb.Logf("browsertest: removing profile: %v", err)
		}
	})

	chromedp.ListenTarget(ctx, b.onEvent)

	// The first Run launches the process and the process lives as long as
	// that Run's context, so it must be the undeadlined tab context; the
	// timer bounds it instead.
	timer := time.AfterFunc(startTimeout, cancelTab)
	err = chromedp.Run(ctx)
	timer.Stop()
	if err != nil {
		tb.Fatalf("browsertest: starting %s (limit %v): %v%s",
			execPath, startTimeout, err, b.logTail(&b.procLog, "browser output"))
	}

	// Registered after the teardown above so that it runs first (cleanups
	// are last in, first out), while the browser can still deliver late
	// events.
	tb.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.jsErrors) > 0 && !b.allowJS {
			tb.Errorf("browsertest: %d JavaScript error(s) in the page:\n\t%s",
				len(b.jsErrors), strings.Join(b.jsErrors, "\n\t"))
		}
	})
	return b
}

// onEvent records JavaScript failures. It runs on chromedp's event loop, so
// it must not block or call back into the browser.
func (b *Browser) onEvent(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		msg = "uncaught exception: " + describeException(ev.ExceptionDetails)
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.APITypeError && ev.Type != runtime.APITypeAssert {
			return
		}
		parts := make([]string, 0, len(ev.Args))
		for _, arg := range ev.Args {
			parts = append(parts, describeObject(arg))
		}
		msg = "console." + ev.Type.String() + ": " + strings.Join(parts, " ")
	default:
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.jsErrors = append(b.jsErrors, msg)
}

func describeException(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		// The description carries the message and stack; Text is often
		// just "Uncaught".
		s = d.Exception.Description
	}
	if d.URL != "" {
		s += fmt.Sprintf(" (%s:%d:%d)", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	}
	return s
}

func describeObject(o *runtime.RemoteObject) string {
	switch {
	case o == nil:
		return "undefined"
	case len(o.Value) > 0:
		// Print strings as the console would, without JSON quotes.
		var str string
		if json.Unmarshal(o.Value, &str) == nil {
			return str
		}
		return string(o.Value)
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	case o.Description != "":
		return o.Description
	default:
		return o.Type.String()
	}
}

// saveArtifacts writes a screenshot and the current HTML for a failed test
// and returns the directory, or a note on why it could not. The directory is
// not a t.TempDir because that is deleted as soon as the test ends, which is
// exactly when someone wants to look at it.
func (b *Browser) saveArtifacts(tb testing.TB) string {
	tb.Helper()
	dir, err := os.MkdirTemp("", "browsertest-"+FileName(tb.Name())+"-")
	if err != nil {
		return fmt.Sprintf("(not saved: %v)", err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, artifactTimeout)
	defer cancel()
	var (
		png  []byte
		html string
		url  string
	)
	// Separate runs so that a failing screenshot still leaves the HTML.
	var problems []string
	if err := chromedp.Run(ctx, chromedp.Location(&url)); err == nil {
		_ = os.WriteFile(filepath.Join(dir, "url.txt"), []byte(url+"\n"), 0o644)
	}
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&png, 90)); err != nil {
		problems = append(problems, "screenshot: "+err.Error())
	} else if err := os.WriteFile(filepath.Join(dir, "screenshot.jpg"), png, 0o644); err != nil {
		problems = append(problems, err.Error())
	}
	if err := chromedp.Run(ctx, chromedp.OuterHTML("html", &html, chromedp.ByQuery)); err != nil {
		problems = append(problems, "html: "+err.Error())
	} else if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(html), 0o644); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return dir + " (incomplete: " + strings.Join(problems, "; ") + ")"
	}
	return dir
}

// FileName makes a name (a test's, whose subtests contain "/", or a page's
// address) usable as a file name.
func FileName(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, name)
}

// maxLog caps each retained log: Chromium is chatty and only the last lines
// before a failure matter.
const maxLog = 64 << 10

func (b *Browser) logf(format string, args ...any) {
	b.appendLog(&b.cdpLog, []byte(fmt.Sprintf(format, args...)+"\n"))
}

func (b *Browser) appendLog(buf *bytes.Buffer, p []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	buf.Write(p)
	if n := buf.Len(); n > maxLog {
		buf.Next(n - maxLog/2)
	}
}

// logTail returns the last lines of buf, formatted to follow a failure
// message, or "" when there is nothing.
func (b *Browser) logTail(buf *bytes.Buffer, what string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var lines []string
	for line := range strings.Lines(buf.String()) {
		line = strings.TrimSpace(line)
		// Without a session bus Chromium logs D-Bus failures by the
		// dozen; they are never the cause and would bury the real error.
		if line == "" || strings.Contains(line, "dbus") {
			continue
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return ""
	}
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return "\n" + what + " (last lines):\n\t" + strings.Join(lines, "\n\t")
}

// logWriter feeds Chromium's output, which chromedp copies from its own
// goroutine, into the Browser's process log.
type logWriter struct{ b *Browser }

func (w logWriter) Write(p []byte) (int, error) {
	w.b.appendLog(&w.b.procLog, p)
	return len(p), nil
}

// ClickAndLoad clicks the element that sel matches and waits until the page
// it leads to has replaced the current one. Waiting for an element of the
// next page is not enough when the current page has one like it (a filter
// form that reloads its own page), so the current page is marked first.
func ClickAndLoad(sel string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(`document.documentElement.dataset.browsertestLeaving = "1"`, nil),
		chromedp.Click(sel, chromedp.ByQuery),
		chromedp.WaitNotPresent(`html[data-browsertest-leaving]`, chromedp.ByQuery),
		chromedp.WaitReady(`body`, chromedp.ByQuery),
	}
}
