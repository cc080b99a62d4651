package export

import _ "embed"

// The typeface embedded in every PDF: DejaVu Sans (Bitstream Vera licence,
// fonts/LICENSE), which covers the dashes, quotes, accents and ticks that
// minutes use (– ’ é ✓). fpdf embeds only the glyphs a document uses.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/DejaVuSans-Oblique.ttf
	fontItalic []byte
)

// srgb is the ICC profile of the PDF/A output intent (icc/LICENSE.color.org).
//
//go:embed icc/sRGB2014.icc
var srgb []byte
