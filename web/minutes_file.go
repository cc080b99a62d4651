package web

import mb "github.com/minutebook/minutebook/internal/minutebook"

// MinutesFileURL is where the minutes as they stand download as a file:
// "/committees/OPSG/meetings/105.pdf" (ext "pdf" or "docx").
func MinutesFileURL(m *mb.Meeting, ext string) string { return meetingURL(m) + "." + ext }

// VersionFileURL is where a stored version of the minutes downloads as a
// file: "/committees/OPSG/meetings/105/versions/2.pdf".
func VersionFileURL(m *mb.Meeting, version int, ext string) string {
	return meetingURL(m) + "/versions/" + itoa(version) + "." + ext
}
