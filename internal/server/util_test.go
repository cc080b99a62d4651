package server_test

import (
	"strconv"
	"strings"
)

func indexOf(s, sub string) int { return strings.Index(s, sub) }
func itoa(n int) string         { return strconv.Itoa(n) }
func i64(n int64) string        { return strconv.FormatInt(n, 10) }
