package pgembed

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

const (
	readyTimeout  = 30 * time.Second
	probeInterval = 50 * time.Millisecond
)

// waitReady polls until postgres accepts connections on socket, postgres
// exits, ctx ends or readyTimeout passes.
func waitReady(ctx context.Context, p *process, socket string) error {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	tick := time.NewTicker(probeInterval)
	defer tick.Stop()
	for {
		if probe(socket) == nil {
			return nil
		}
		select {
		case <-p.done:
			return fmt.Errorf("postgres exited during startup: %v", p.err)
		case <-ctx.Done():
			return fmt.Errorf("postgres not ready: %w", ctx.Err())
		case <-tick.C:
		}
	}
}

// probe does what pg_isready does, without a process per attempt: it sends
// a startup message and reads the first reply. A server still starting or
// recovering answers with an error (SQLSTATE 57P03), a ready one with an
// authentication message (trust: AuthenticationOk).
func probe(socket string) error {
	conn, err := net.DialTimeout("unix", socket, time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))

	params := "user\x00postgres\x00database\x00postgres\x00\x00"
	msg := binary.BigEndian.AppendUint32(nil, uint32(8+len(params)))
	msg = binary.BigEndian.AppendUint32(msg, 3<<16) // protocol 3.0
	msg = append(msg, params...)
	if _, err := conn.Write(msg); err != nil {
		return err
	}
	var hdr [5]byte
	if _, err := io.ReadFull(conn, hdr[:]); err != nil {
		return err
	}
	if hdr[0] == 'R' {
		_, _ = conn.Write([]byte{'X', 0, 0, 0, 4}) // Terminate, politely
		return nil
	}
	n := int(binary.BigEndian.Uint32(hdr[1:])) - 4
	if hdr[0] != 'E' || n < 0 || n > 1<<16 {
		return fmt.Errorf("unexpected startup reply %q", hdr[0])
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(conn, body); err != nil {
		return err
	}
	return fmt.Errorf("server not ready: %s", errorMessage(body))
}

// errorMessage extracts the SQLSTATE and message fields of an
// ErrorResponse body (a list of type byte + NUL-terminated string).
func errorMessage(body []byte) string {
	var code, text string
	for _, f := range bytes.Split(body, []byte{0}) {
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case 'C':
			code = string(f[1:])
		case 'M':
			text = string(f[1:])
		}
	}
	return code + " " + text
}

// logTail returns the last lines the server wrote to the log at path since
// offset, for error messages: the reason postgres failed is there.
func logTail(path string, offset int64) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	const maxTail = 4 << 10
	if fi, err := f.Stat(); err == nil && fi.Size()-offset > maxTail {
		offset = fi.Size() - maxTail
	}
	data, err := io.ReadAll(io.NewSectionReader(f, offset, maxTail))
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}
