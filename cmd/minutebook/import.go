package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"

	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// runImport serves "minutebook import [--committee CODE] [--number N] [--kind KIND]
// [--renumber] [--dry-run [--json]] FILE…":
// each file becomes (or updates) a draft meeting, in a transaction of its
// own, so that one bad file does not stop the others.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", `minutebook import [flags] FILE…: read minutes documents (.txt, or Word .docx) and save each as a
draft meeting of its committee, matching its people, actions and risks to those minutebook
has and creating the rest. Importing a document again updates its draft; approved or
published minutes are never overwritten. Each file is imported in one transaction: all of
it, or nothing.`, stderr)
	var db dbFlags
	db.register(fs)
	committee := fs.String("committee", "", "the code of the committee whose minutes these are, when the documents name none or another")
	number := fs.Int("number", 0, "the meeting's number, when the document gives none (\"Workgroup 0417 Minutes\") or another")
	kind := fs.String("kind", "", "the meeting's kind, main, reporting or extraordinary, when the document does not say or says otherwise")
	renumber := fs.Bool("renumber", false, "number the actions for this meeting when the document numbers them for another (otherwise kept as written)")
	dryRun := fs.Bool("dry-run", false, "only read the files and say what they hold: change nothing (no database is needed)")
	asJSON := fs.Bool("json", false, "with --dry-run, print what was read as JSON, one document per file (see the README)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files := fs.Args()
	switch {
	case len(files) == 0:
		fs.Usage()
		return errors.New("name at least one minutes document to import")
	case *asJSON && !*dryRun:
		return errors.New("--json prints what was read: use it with --dry-run")
	}
	opt := importer.Options{Committee: *committee, Number: *number, Kind: *kind, Renumber: *renumber}
	if *dryRun {
		return dryRunImport(files, opt, *asJSON, stdout, stderr)
	}
	o, err := openStore(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, true)
	if err != nil {
		return err
	}
	defer o.Close()
	failed := 0
	for _, path := range files {
		if err := importFile(ctx, o.Store, path, opt, stdout); err != nil {
			failed++
			fmt.Fprintf(stdout, "%s: not imported: %s\n", path, problem(err, opt.Committee == ""))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be imported; nothing of those was saved", failed, len(files))
	}
	return nil
}

// readFile parses one document.
func readFile(path string) (*minutesimport.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return minutesimport.Parse(f, filepath.Base(path))
}

func importFile(ctx context.Context, store *postgres.Store, path string, opt importer.Options, stdout io.Writer) error {
	doc, err := readFile(path)
	if err != nil {
		return err
	}
	opt.Source = filepath.Base(path)
	in, err := importer.Convert(doc, opt)
	if err != nil {
		return err
	}
	rep, err := store.ImportMinutes(ctx, in, postgres.ImportOptions{})
	if err != nil {
		return err
	}
	lines := rep.Lines()
	fmt.Fprintf(stdout, "%s: %s\n", path, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(stdout, "  %s\n", l)
	}
	printLines(stdout, "Check", rep.Notes)
	printRead(stdout, doc)
	return nil
}

// dryRunImport reads the files and says what they hold, touching no database.
func dryRunImport(files []string, opt importer.Options, asJSON bool, stdout, stderr io.Writer) error {
	failed := 0
	for _, path := range files {
		doc, err := readFile(path)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "%s: cannot be read: %v\n", path, err)
			continue
		}
		if asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(doc); err != nil {
				return err
			}
			continue
		}
		m := doc.Meeting
		actions := 0
		for _, it := range doc.Items {
			actions += len(it.Actions)
		}
		opt.Source = filepath.Base(path)
		in, convErr := importer.Convert(doc, opt)
		code, n, k := m.Committee, m.Number, m.Kind
		if in != nil {
			code, n, k = in.CommitteeCode, in.Number, string(in.Kind)
		}
		fmt.Fprintf(stdout, "%s: %s %d, %s meeting of %s (%s minutes): %s, %s, %s, %s raised, %s outstanding, %s reviewed, %s.\n",
			path, code, n, k, orUnknown(m.Date), orUnknown(m.Status),
			mb.Plural(len(doc.Attendees), "attendee"), mb.Plural(len(doc.Apologies), "apology"), mb.Plural(len(doc.Items), "item"),
			mb.Plural(actions, "action"), mb.Plural(len(doc.OutstandingActions), "action"), mb.Plural(len(doc.Risks), "risk"),
			mb.Plural(len(doc.NextMeetings), "next meeting"))
		if convErr != nil {
			failed++
			fmt.Fprintf(stdout, "  It cannot be imported as it was read: %s\n", problem(convErr, opt.Committee == ""))
		} else {
			printLines(stdout, "Check", in.Notes)
		}
		printRead(stdout, doc)
		fmt.Fprintln(stdout, "  Nothing was saved (a dry run).")
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be imported as they stand", failed, len(files))
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// printRead lists what the parser could not place, and what it flagged.
func printRead(w io.Writer, doc *minutesimport.Document) {
	var unrecognised, warnings []mb.ImportNote
	for _, u := range doc.Unrecognised {
		unrecognised = append(unrecognised, mb.ImportNote{Line: u.Line, Text: u.Text})
	}
	for _, x := range doc.Warnings {
		warnings = append(warnings, mb.ImportNote{Line: x.Line, Text: x.Text})
	}
	printLines(w, "Not understood (kept out of the minutes: add them by hand if they matter)", unrecognised)
	printLines(w, "Warnings", warnings)
}

func printLines(w io.Writer, heading string, notes []mb.ImportNote) {
	if len(notes) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s:\n", heading)
	for _, n := range notes {
		where := "document"
		if n.Line > 0 {
			where = fmt.Sprintf("line %d", n.Line)
		}
		fmt.Fprintf(w, "    %s: %s\n", where, n.Text)
	}
}

// problem says why a file was not imported, with every field's message.
func problem(err error, committeeFlagHelps bool) string {
	if mb.ErrorCode(err) == mb.EINTERNAL {
		return err.Error()
	}
	msg := mb.ErrorMessage(err)
	fields := mb.ErrorFields(err)
	if len(fields) > 1 {
		var list []string
		for _, v := range fields {
			list = append(list, v)
		}
		slices.Sort(list)
		for _, v := range list {
			msg += "\n    " + v
		}
	}
	if committeeFlagHelps && (fields[importer.FieldCommittee] != "" || mb.ErrorCode(err) == mb.ENOTFOUND) {
		msg += "\n    Say which committee's minutes these are with --committee CODE."
	}
	if fields[importer.FieldNumber] != "" {
		msg += "\n    Say which meeting they record with --number N."
	}
	if fields["renumber"] != "" {
		msg += "\n    Number the actions for this meeting with --renumber."
	}
	return msg
}
