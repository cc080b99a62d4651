package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

func newHealthcheckCommand(stdout io.Writer) *cobra.Command {
	var addr string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "healthcheck",
		Short: "Exit 0 when the server at --addr is ready (for Docker's HEALTHCHECK)",
		Long: `minutebook healthcheck: ask the server listening at --addr (MINUTEBOOK_ADDR, as serve
reads it) whether it is ready (GET /readyz: it is serving and its database answers)
and exit 0 if so, 1 if not. An address that listens on every interface (0.0.0.0:8080)
is asked on the loopback. Docker images have no curl; this needs none.`,
		Args: positional(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHealthcheck(cmd.Context(), addr, timeout, stdout)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", envOr("MINUTEBOOK_ADDR", "127.0.0.1:8080"), "the address the server listens on (env MINUTEBOOK_ADDR)")
	cmd.Flags().DurationVar(&timeout, "timeout", 5*time.Second, "how long to wait for the answer")
	return cmd
}

func runHealthcheck(ctx context.Context, addr string, timeout time.Duration, stdout io.Writer) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usageErrorf("--addr must be host:port, not %q", addr)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	url := "http://" + net.JoinHostPort(host, port) + "/readyz"
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not healthy: %w", err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("not healthy: %s answered %s: %s", url, res.Status, strings.TrimSpace(string(body)))
	}
	fmt.Fprintf(stdout, "healthy: %s answered %s\n", url, strings.TrimSpace(string(body)))
	return nil
}
