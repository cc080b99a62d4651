package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// An unknown flag or a stray argument, wherever it stands, is an error
// that prints the command's usage, and nothing runs: no database is
// opened, so none of these needs one.
func TestCommandLineMistakes(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	dir := filepath.Join(t.TempDir(), "data")
	for _, args := range [][]string{
		{"--bogus"},
		{"serve", "--bogus"},
		{"--addr", "127.0.0.1:0", "serve", "--bogus-flag"},
		{"--data-dir", dir, "migrate", "version", "--bogus"},
		{"migrate", "version", "extra"},
		{"migrate", "frobnicate"},
		{"migrate"},
		{"migrate", "down"},
		{"migrate", "down", "1", "2"},
		{"migrate", "down", "zero"},
		{"--addr", "127.0.0.1:0", "migrate", "up"}, // serve's flag, not migrate's
		{"user"},
		{"user", "add", "stray", "--email", "a@example.org", "--name", "A"},
		{"user", "add", "--email", "a@example.org"},
		{"user", "reset-password", "--email", "a@example.org", "--name", "A"},
		{"demo", "extra"},
		{"demo", "--scale", "huge"},
		{"import"},
		{"import", "--json", "file.txt"},
		{"import", "file.txt", "--bogus"},
		{"backup"},
		{"backup", "a.dump", "b.dump"},
		{"restore"},
		{"healthcheck", "extra"},
		{"frobnicate"},
		{"serve", "extra"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if args[0] != "healthcheck" { // the one command with no database
				args = append(args, "--data-dir", dir)
			}
			out, err := runCmd(t, "", args...)
			var ue *usageError
			if !errors.As(err, &ue) {
				t.Fatalf("err = %v, want a usage error\n%s", err, out)
			}
			if !strings.Contains(out, "Usage:") || !strings.Contains(out, "minutebook: "+err.Error()) {
				t.Errorf("the error and the usage are not printed:\n%s", out)
			}
		})
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a mistaken command line touched the data directory: %v", err)
	}
	if _, err := os.Stat("minutebook-data"); !os.IsNotExist(err) {
		t.Errorf("a command made ./minutebook-data: %v", err)
	}
}

// The words that name the command are found wherever the flags stand.
func TestCommandWordsFirst(t *testing.T) {
	root := newRoot(strings.NewReader(""), io.Discard, io.Discard)
	for _, c := range []struct{ in, want string }{
		{"migrate version --data-dir D", "migrate version --data-dir D"},
		{"migrate --data-dir D version", "migrate version --data-dir D"},
		{"--data-dir D migrate version", "migrate version --data-dir D"},
		{"--data-dir=D migrate version", "migrate version --data-dir=D"},
		{"--committee OPSG import a.txt", "import --committee OPSG a.txt"},
		{"--dry-run import a.txt --json", "import --dry-run a.txt --json"},
		{"import migrate", "import migrate"}, // import takes files, not commands
		{"migrate down 1", "migrate down 1"},
		{"user --email e add --name N", "user add --email e --name N"},
		{"--addr X serve --bogus-flag", "serve --addr X --bogus-flag"},
		{"import -- --odd-name.txt", "import -- --odd-name.txt"},
		{"--no-demo", "--no-demo"},
	} {
		got := strings.Join(commandWordsFirst(root, strings.Fields(c.in)), " ")
		if got != c.want {
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		}
	}
}

// commandWordsFirst knows a flag's value by the flag's name across every
// command: a name must be a switch everywhere or take a value everywhere.
func TestFlagsAgreeAcrossCommands(t *testing.T) {
	root := newRoot(strings.NewReader(""), io.Discard, io.Discard)
	kinds := map[string][]bool{}
	walkFlags(root, func(f *pflag.Flag) {
		if isSwitch := f.NoOptDefVal != ""; !slices.Contains(kinds[f.Name], isSwitch) {
			kinds[f.Name] = append(kinds[f.Name], isSwitch)
		}
	})
	for name, k := range kinds {
		if len(k) > 1 {
			t.Errorf("--%s is a switch for one command and takes a value for another", name)
		}
	}
}
