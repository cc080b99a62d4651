// Package exporttest reads the files internal/export writes, for tests:
// a PDF through poppler-utils (pdftotext, pdfinfo, pdffonts, pdftohtml),
// a .docx part by part.
//
// Without poppler-utils a test is skipped, so `go test ./...` works on a
// bare laptop; with MINUTEBOOK_E2E=1 (as in CI, whose .ci/run installs
// poppler-utils) it fails instead, so a broken image cannot pass by skipping.
package exporttest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Poppler runs one of poppler-utils' tools on a PDF and returns what it
// prints (pdftotext to standard output).
func Poppler(tb testing.TB, pdf []byte, tool string, args ...string) string {
	tb.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("MINUTEBOOK_E2E") == "1" {
			tb.Fatalf("%s is not installed (apt-get install poppler-utils)", tool)
		}
		tb.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	file := filepath.Join(tb.TempDir(), "minutes.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		tb.Fatal(err)
	}
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%s: %v\n%s", tool, err, stderr.String())
	}
	return out.String()
}

// Text is the PDF's text with runs of white space as single spaces, so
// that a check does not depend on where a line wrapped.
func Text(tb testing.TB, pdf []byte, args ...string) string {
	tb.Helper()
	return Words(Poppler(tb, pdf, "pdftotext", args...))
}

// Words joins text on single spaces.
func Words(s string) string { return strings.Join(strings.Fields(s), " ") }

// Part returns one part of a .docx package.
func Part(tb testing.TB, docx []byte, name string) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		tb.Fatal(err)
	}
	f, err := zr.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		tb.Fatalf("the .docx has no %s", name)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
