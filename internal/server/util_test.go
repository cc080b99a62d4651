package server_test

import (
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func indexOf(s, sub string) int { return strings.Index(s, sub) }
func itoa(n int) string         { return strconv.Itoa(n) }
func i64(n int64) string        { return strconv.FormatInt(n, 10) }

func auditFilterEntity(entity string) mb.AuditFilter { return mb.AuditFilter{Entity: entity} }
