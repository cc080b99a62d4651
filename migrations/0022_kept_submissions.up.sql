-- Issue 14: a form posted after its sender's session ended is kept for a
-- short while, and completed once they sign in again in the same browser.
-- Only the hash of the browser's secret is stored.
CREATE TABLE kept_submissions (
    token_hash bytea PRIMARY KEY,
    path       text NOT NULL CHECK (path LIKE '/%' AND length(path) <= 500),
    fields     jsonb NOT NULL,
    kept_at    timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX kept_submissions_expiry_idx ON kept_submissions (expires_at);
