package notify

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Sender sends a composed message.
type Sender interface {
	Send(ctx context.Context, m *mb.Message) error
}

// SMTPConfig is a mail server to send through, read from MINUTEBOOK_SMTP_URL
// by ParseSMTPURL, and the address messages come from.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string
	// Security is "starttls" (smtp://, the default: refused if the server
	// does not offer it), "tls" (smtps://, TLS from the first byte) or
	// "none" (smtp://…?tls=none, for a relay on the same machine only).
	Security string
	// From is the sender: "minutebook <minutebook@example.org>".
	From string
	// TLSConfig, when set, replaces the default (the system's roots, the
	// host's name): for tests with a server of their own.
	TLSConfig *tls.Config
	Timeout   time.Duration
}

// ParseSMTPURL reads a mail server's URL: smtp://user:pass@host:587 for
// STARTTLS, smtps://user:pass@host:465 for TLS, and ?tls=none after smtp://
// for an unencrypted relay (localhost only). The password is URL-escaped.
func ParseSMTPURL(raw, from string) (*SMTPConfig, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("MINUTEBOOK_SMTP_URL is not a URL: %w", err)
	}
	cfg := &SMTPConfig{Host: u.Hostname(), Timeout: 30 * time.Second, From: from}
	switch u.Scheme {
	case "smtp":
		cfg.Security, cfg.Port = "starttls", 587
		switch u.Query().Get("tls") {
		case "", "starttls":
		case "none":
			cfg.Security, cfg.Port = "none", 25
		default:
			return nil, fmt.Errorf("MINUTEBOOK_SMTP_URL: tls=%q: use starttls or none", u.Query().Get("tls"))
		}
	case "smtps":
		cfg.Security, cfg.Port = "tls", 465
	default:
		return nil, fmt.Errorf("MINUTEBOOK_SMTP_URL must start smtp:// (STARTTLS) or smtps:// (TLS), not %q", u.Scheme+"://")
	}
	if cfg.Host == "" {
		return nil, fmt.Errorf("MINUTEBOOK_SMTP_URL names no host")
	}
	if p := u.Port(); p != "" {
		if cfg.Port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("MINUTEBOOK_SMTP_URL: port %q is not a number", p)
		}
	}
	if u.User != nil {
		cfg.Username = u.User.Username()
		cfg.Password, _ = u.User.Password()
	}
	if cfg.Security == "none" && cfg.Username != "" {
		return nil, fmt.Errorf("MINUTEBOOK_SMTP_URL: a password is never sent without TLS: drop tls=none, or the user and password")
	}
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("MINUTEBOOK_MAIL_FROM must be an address such as \"minutebook <minutebook@example.org>\", not %q", from)
	}
	return cfg, nil
}

// String describes the server without its password, for the log.
func (c *SMTPConfig) String() string {
	who := ""
	if c.Username != "" {
		who = c.Username + "@"
	}
	return fmt.Sprintf("%s%s:%d (%s)", who, c.Host, c.Port, c.Security)
}

// SMTP sends messages through a mail server with go-mail, one connection
// per message.
type SMTP struct{ cfg SMTPConfig }

// NewSMTP returns a sender through the server.
func NewSMTP(cfg SMTPConfig) *SMTP { return &SMTP{cfg: cfg} }

// Send delivers the message: its plain text and HTML as alternatives, its
// Message-ID (the same on every attempt), and the List-Unsubscribe and
// List-Unsubscribe-Post headers of one-click unsubscribing (RFC 8058).
func (s *SMTP) Send(ctx context.Context, m *mb.Message) error {
	msg := gomail.NewMsg()
	if err := msg.From(s.cfg.From); err != nil {
		return fmt.Errorf("notify: from: %w", err)
	}
	if err := msg.AddToFormat(m.ToName, m.ToAddress); err != nil {
		return fmt.Errorf("notify: to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(strings.Trim(m.HeaderID, "<>"))
	msg.SetDateWithValue(m.CreatedAt)
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	msg.SetGenHeader(gomail.HeaderXAutoResponseSuppress, "All")
	if m.Unsubscribe != "" {
		msg.SetListUnsubscribe(m.Unsubscribe)
		msg.SetListUnsubscribePost()
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)

	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTimeout(s.cfg.Timeout)}
	switch s.cfg.Security {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.TLSConfig != nil {
		opts = append(opts, gomail.WithTLSConfig(s.cfg.TLSConfig))
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	client, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("notify: smtp client: %w", err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("notify: send to %s: %w", m.ToAddress, err)
	}
	return nil
}
