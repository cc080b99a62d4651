package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// producer names what made the file, in its metadata.
const producer = "minutebook (codeberg.org/go-pdf/fpdf)"

// archival makes the PDF a PDF/A-2b file, the archive's format: every font
// embedded (fpdf embeds the TrueType fonts it is given), an sRGB output
// intent, and XMP metadata that says so and agrees with the document
// information dictionary. finish mends the trailer.
func archival(f *fpdf.Fpdf, m *mb.Meeting, title string, made time.Time) {
	made = made.UTC().Truncate(time.Second)
	if made.IsZero() {
		made = time.Now().UTC().Truncate(time.Second)
	}
	author := m.CommitteeName
	f.SetTitle(title, true)
	f.SetAuthor(author, true)
	f.SetSubject(m.Title(), true)
	f.SetCreator("minutebook", true)
	f.SetProducer(producer, true)
	f.SetCreationDate(made)
	f.SetModificationDate(made)
	f.SetLang("en-GB")
	f.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1, // also the subtype of PDF/A-2 and -3
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                srgb,
	})
	f.SetXmpMetadata(xmp(title, author, m.Title(), made))
}

// xmp is the metadata packet: PDF/A-2b's identification, and the same
// title, author, subject, tools and dates as the information dictionary.
// fpdf writes the dictionary's dates without a time zone, so these carry
// none either.
func xmp(title, author, subject string, made time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	at := made.Format("2006-01-02T15:04:05")
	return fmt.Appendf(nil, `<?xpacket begin="%s" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
   <xmp:CreatorTool>minutebook</xmp:CreatorTool>
   <xmp:CreateDate>%s</xmp:CreateDate>
   <xmp:ModifyDate>%s</xmp:ModifyDate>
   <pdf:Producer>%s</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`, "\ufeff", esc(title), esc(author), esc(subject), at, at, esc(producer))
}

// trailerRE finds the trailer's references to the catalog and the
// information dictionary.
var trailerRE = regexp.MustCompile(`trailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n`)

// finish mends the trailer fpdf writes, which PDF/A needs right. It adds
// the file identifier, two copies of a digest of the file, which fpdf
// writes only for encrypted files. And it points /Info at the information
// dictionary: fpdf takes that to be the object just before the catalog,
// but writes the output intent's profile between them (fpdf v0.12.0).
// The trailer follows the cross-reference table, so changing it moves no
// object the table points at.
func finish(pdf []byte) ([]byte, error) {
	loc := trailerRE.FindSubmatchIndex(pdf)
	if loc == nil {
		return nil, errors.New("export: the PDF's trailer is not as fpdf writes it")
	}
	root, _ := strconv.Atoi(string(pdf[loc[4]:loc[5]]))
	info := root - 2 // the catalog, the one profile, the information dictionary
	if !bytes.Contains(pdf, fmt.Appendf(nil, "\n%d 0 obj\n<<\n/Producer ", info)) {
		return nil, errors.New("export: the PDF's information dictionary is not where fpdf writes it")
	}
	sum := sha256.Sum256(pdf)
	id := hex.EncodeToString(sum[:16])
	out := make([]byte, 0, len(pdf)+80)
	out = append(out, pdf[:loc[6]]...)
	out = strconv.AppendInt(out, int64(info), 10)
	out = append(out, pdf[loc[7]:loc[1]]...)
	out = fmt.Appendf(out, "/ID [<%s> <%s>]\n", id, id)
	return append(out, pdf[loc[1]:]...), nil
}
