// Package mailtest runs a real SMTP server in the test process (emersion/
// go-smtp), with STARTTLS or TLS on a certificate of its own and AUTH PLAIN,
// that keeps what it receives, can be told to refuse, and parses what it
// kept as a mail program would (headers, the plain-text and HTML parts,
// their links).
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/minutebook/minutebook/internal/notify"
)

// Security is how a client reaches the server: "starttls", "tls" or "none".
type Security string

// Options configure a server.
type Options struct {
	Security Security // "" is starttls
	// Username and Password, when set, are required (AUTH PLAIN).
	Username, Password string
}

// Received is one message the server accepted.
type Received struct {
	From string
	To   []string
	Raw  []byte
}

// Server is a running SMTP server.
type Server struct {
	Host string
	Port int
	opts Options
	// clientTLS trusts the server's certificate.
	clientTLS *tls.Config

	mu       sync.Mutex
	received []Received
	// refuse, when set, decides the reply to each message's DATA: nil
	// accepts it. attempts counts every DATA.
	refuse   func(attempt int) *smtp.SMTPError
	attempts int
	arrived  chan struct{}
}

// Start runs a server on a free port of 127.0.0.1, stopped at the test's end.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.Security == "" {
		opts.Security = "starttls"
	}
	serverTLS, clientTLS := certificate(t)
	s := &Server{opts: opts, clientTLS: clientTLS, arrived: make(chan struct{}, 1000)}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	srv.Domain = "mailtest.localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.MaxRecipients = 10
	srv.AllowInsecureAuth = opts.Security == "none"
	var ln net.Listener
	var err error
	if opts.Security == "tls" {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", serverTLS)
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
		if opts.Security == "starttls" {
			srv.TLSConfig = serverTLS
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	s.Host, s.Port = "127.0.0.1", addr.Port
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

// Config is what minutebook needs to send through the server, from the
// address.
func (s *Server) Config(from string) notify.SMTPConfig {
	return notify.SMTPConfig{Host: s.Host, Port: s.Port, Username: s.opts.Username, Password: s.opts.Password,
		Security: string(s.opts.Security), From: from, TLSConfig: s.clientTLS, Timeout: 10 * time.Second}
}

// URL is the server's MINUTEBOOK_SMTP_URL, with credentials.
func (s *Server) URL() string {
	scheme, query := "smtp", ""
	switch s.opts.Security {
	case "tls":
		scheme = "smtps"
	case "none":
		query = "?tls=none"
	}
	u := url.URL{Scheme: scheme, Host: net.JoinHostPort(s.Host, strconv.Itoa(s.Port))}
	if s.opts.Username != "" {
		u.User = url.UserPassword(s.opts.Username, s.opts.Password)
	}
	return u.String() + query
}

// Refuse makes the server answer each DATA with what fn says (nil
// accepts); fn nil accepts everything again.
func (s *Server) Refuse(fn func(attempt int) *smtp.SMTPError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = fn
}

// Always refuses every message, temporarily (451) or for good (550).
func Always(code int) func(int) *smtp.SMTPError {
	return func(int) *smtp.SMTPError {
		return &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCode{code / 100, 0, 0}, Message: "mailtest refuses it"}
	}
}

// Attempts counts the messages offered, accepted or not.
func (s *Server) Attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts
}

// Received returns what the server accepted, in order.
func (s *Server) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// Wait waits until the server has accepted n messages, or fails the test.
func (s *Server) Wait(t testing.TB, n int, within time.Duration) []Received {
	t.Helper()
	deadline := time.After(within)
	for {
		if got := s.Received(); len(got) >= n {
			return got
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("the SMTP server received %d messages within %s, want %d", len(s.Received()), within, n)
		}
	}
}

type session struct {
	s        *Server
	from     string
	to       []string
	authed   bool
	authUser string
}

var _ smtp.AuthSession = (*session)(nil)

func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != ss.s.opts.Username || password != ss.s.opts.Password {
			return errors.New("mailtest: bad credentials")
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.opts.Username != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := ss.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attempts++
	if s.refuse != nil {
		if e := s.refuse(s.attempts); e != nil {
			return e
		}
	}
	s.received = append(s.received, Received{From: ss.from, To: ss.to, Raw: bytes.Clone(raw)})
	select {
	case s.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (ss *session) Reset()        { ss.from, ss.to = "", nil }
func (ss *session) Logout() error { return nil }

// certificate makes a self-signed certificate for 127.0.0.1, and a client
// configuration that trusts it.
func certificate(t testing.TB) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailtest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12},
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}
