package upload_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/samplefile"
	"github.com/minutebook/minutebook/internal/upload"
)

func TestPaperAcceptsWhatItsNameSays(t *testing.T) {
	for name, content := range map[string][]byte{
		"OPSG_107_05 Performance Report.pdf": samplefile.PDF("Performance Report", "The DCC's performance in October."),
		"Incident summary.docx":              samplefile.DOCX("Incident summary", "Two major incidents."),
		"measures.csv":                       samplefile.CSV([]string{"measure", "target"}, []string{"CPM 3A", "99.5"}),
		"chart.png":                          samplefile.PNG(20, 60, 90),
		"notes.txt":                          []byte("Plain notes for the item.\n"),
	} {
		t.Run(name, func(t *testing.T) {
			up, err := upload.Paper(name, bytes.NewReader(content))
			if err != nil {
				t.Fatalf("refused: %v (%s)", err, mb.ErrorMessage(err))
			}
			got, err := io.ReadAll(up.Body)
			if err != nil || !bytes.Equal(got, content) {
				t.Fatalf("the body is not the file whole: %d of %d bytes, %v", len(got), len(content), err)
			}
			if k, _ := mb.PaperKind(name); up.ContentType != k.ContentType {
				t.Errorf("served as %q, want %q", up.ContentType, k.ContentType)
			}
		})
	}
}

func TestPaperRefusesMislabelled(t *testing.T) {
	for _, c := range []struct {
		name    string
		content []byte
		says    string
	}{
		{"report.docx", samplefile.PDF("Report"), "a PDF file (.pdf)"},
		{"report.pdf", samplefile.DOCX("Report"), "a Word file (.docx)"},
		{"notes.txt", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>"), "a web page (HTML)"},
		{"chart.png", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "a GIF image file (.gif)"},
		{"tool.pdf", append([]byte("MZ\x90\x00"), make([]byte, 200)...), "of type application/vnd.microsoft.portable-executable"},
		{"empty.pdf", nil, "is empty"},
		{"script.exe", []byte("MZ"), "is not a kind of file a paper may be"},
		{"", []byte("x"), "Choose the paper's file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := upload.Paper(c.name, bytes.NewReader(c.content))
			if mb.ErrorCode(err) != mb.EINVALID {
				t.Fatalf("got %v, want a refusal", err)
			}
			if msg := mb.ErrorMessage(err); !strings.Contains(msg, c.says) {
				t.Errorf("message %q does not say %q", msg, c.says)
			}
		})
	}
}

func TestPaperRefusesOneByteOverTheLimit(t *testing.T) {
	head := samplefile.PDF("Large")
	for _, c := range []struct {
		size int
		ok   bool
	}{{mb.MaxPaperBytes, true}, {mb.MaxPaperBytes + 1, false}} {
		body := io.MultiReader(bytes.NewReader(head), io.LimitReader(zeros{}, int64(c.size-len(head))))
		up, err := upload.Paper("large.pdf", body)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, up.Body)
		if c.ok && (err != nil || n != int64(c.size)) {
			t.Errorf("%d bytes: read %d, %v", c.size, n, err)
		}
		if !c.ok && mb.ErrorCode(err) != mb.ETOOLARGE {
			t.Errorf("%d bytes: got %v, want too large", c.size, err)
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }
