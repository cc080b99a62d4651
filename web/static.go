// Package web holds minutebook's pages: templ layout, components and pages,
// each page taking a view model shaped like the screen, and the embedded
// static assets.
package web

import "embed"

// Static holds the stylesheet and other assets served under /static/.
//
//go:embed static
var Static embed.FS
