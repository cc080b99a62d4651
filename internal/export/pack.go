package export

import (
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// The meeting pack as one PDF is the agenda's pages followed by every PDF
// paper, merged by github.com/pdfcpu/pdfcpu (v0.15): fpdf lays out, it
// does not read PDFs. pdfcpu reads each file whole into its model of the
// document, so the merge holds the papers it merges in memory while it
// works; the zip pack is the one that streams.

// pdfcpu keeps a configuration directory under the user's home unless told
// not to: minutebook needs none, and a server's home may not be writable.
func init() { api.DisableConfigDir() }

func pdfConfig() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// ReadablePDF reports whether pdfcpu can read the file as a PDF, so that
// the pack merges it; a paper it cannot read (damaged, encrypted) is named
// in the agenda instead.
func ReadablePDF(rs io.ReadSeeker) bool {
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return false
	}
	n, err := api.PageCount(rs, pdfConfig())
	if _, serr := rs.Seek(0, io.SeekStart); serr != nil {
		return false
	}
	return err == nil && n > 0
}

// MergePDF writes the PDFs one after another as one PDF.
func MergePDF(w io.Writer, parts []io.ReadSeeker) error {
	for _, p := range parts {
		if _, err := p.Seek(0, io.SeekStart); err != nil {
			return err
		}
	}
	if len(parts) == 1 {
		_, err := io.Copy(w, parts[0])
		return err
	}
	if err := api.MergeRaw(parts, w, false, pdfConfig()); err != nil {
		return fmt.Errorf("export: merge the pack: %w", err)
	}
	return nil
}
