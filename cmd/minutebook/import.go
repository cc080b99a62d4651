package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// importFlags are import's flags, all defined here: a new flag is a field,
// a line in register, and (when it tells the importer something) a line in
// options.
type importFlags struct {
	db        dbFlags
	committee string
	number    int
	kind      string
	renumber  bool
	dryRun    bool
	asJSON    bool
}

func (f *importFlags) register(fs *pflag.FlagSet) {
	f.db.register(fs)
	fs.StringVar(&f.committee, "committee", "", "the code of the committee whose minutes these are, when the documents name none or another")
	fs.IntVar(&f.number, "number", 0, "the meeting's number, when the document gives none (\"Workgroup 0417 Minutes\") or another")
	fs.StringVar(&f.kind, "kind", "", "the meeting's kind, main, reporting or extraordinary, when the document does not say or says otherwise")
	fs.BoolVar(&f.renumber, "renumber", false, "number the actions for this meeting when the document numbers them for another (otherwise kept as written)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "only read the files and say what they hold: change nothing (no database is needed)")
	fs.BoolVar(&f.asJSON, "json", false, "with --dry-run, print what was read as JSON, one document per file (see the README)")
}

// check refuses combinations that make no sense, before anything is read.
func (f *importFlags) check() error {
	if f.asJSON && !f.dryRun {
		return usageErrorf("--json prints what was read: use it with --dry-run")
	}
	return nil
}

// options is what the flags tell the importer.
func (f *importFlags) options() importer.Options {
	return importer.Options{Committee: f.committee, Number: f.number, Kind: f.kind, Renumber: f.renumber}
}

func newImportCommand(stdout, stderr io.Writer) *cobra.Command {
	var flags importFlags
	cmd := &cobra.Command{
		Use:   "import [flags] FILE...",
		Short: "Save minutes documents (.txt, .docx) as draft meetings",
		Long: `minutebook import: read minutes documents (.txt, or Word .docx) and save each as a
draft meeting of its committee, matching its people, actions and risks to those minutebook
has and creating the rest. Importing a document again updates its draft; approved or
published minutes are never overwritten. Each file is imported in one transaction: all of
it, or nothing.`,
		Args: positional(func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("name at least one minutes document to import")
			}
			return nil
		}),
		RunE: func(cmd *cobra.Command, files []string) error {
			if err := flags.check(); err != nil {
				return err
			}
			return runImport(cmd.Context(), flags, files, stdout, stderr)
		},
	}
	flags.register(cmd.Flags())
	return cmd
}

// runImport saves each file as (or over) a draft meeting, in a transaction
// of its own, so that one bad file does not stop the others.
func runImport(ctx context.Context, flags importFlags, files []string, stdout, stderr io.Writer) error {
	opt := flags.options()
	if flags.dryRun {
		return dryRunImport(files, opt, flags.asJSON, stdout, stderr)
	}
	o, err := openStore(ctx, flags.db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, besideServer, true)
	if err != nil {
		return err
	}
	defer o.Close()
	p := newProgress(stdout, stderr, false)
	p.Stage("importing", int64(len(files)))
	defer p.Finish()
	failed := 0
	for _, path := range files {
		if err := importFile(ctx, o.Store, path, opt, p); err != nil {
			failed++
			fmt.Fprintf(p, "%s: not imported: %s\n", path, problem(err, opt.Committee == ""))
		}
		p.Step(filepath.Base(path))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be imported; nothing of those was saved", failed, len(files))
	}
	return nil
}

// readFile parses one document with what the parser is told of it.
func readFile(path string, read minutesimport.Options) (*minutesimport.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return minutesimport.Parse(f, filepath.Base(path), read)
}

func importFile(ctx context.Context, store *postgres.Store, path string, opt importer.Options, stdout io.Writer) error {
	doc, err := readFile(path, opt.Reading(nil))
	if err != nil {
		return err
	}
	// The committee's decision words decide what is a decision, and the
	// committee is known only once the flags or the document's heading
	// name it: the document is read again in its words.
	if code := cmp.Or(opt.Committee, doc.Meeting.Committee); code != "" {
		c, err := store.CommitteeByCode(ctx, strings.ToUpper(code))
		switch {
		case err == nil:
			if doc, err = readFile(path, opt.Reading(c.DecisionVocabulary)); err != nil {
				return err
			}
		case mb.ErrorCode(err) != mb.ENOTFOUND:
			return err
		}
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
		// No database, so no committee's decision words: the parser reads
		// in the default ones, and the import's notes say so.
		doc, err := readFile(path, opt.Reading(nil))
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
			code, n, k = in.CommitteeCode, in.Number, string(in.Kind) // as the flags say
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
