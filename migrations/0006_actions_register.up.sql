-- The actions register: personal calendar feed tokens, and the indexes the
-- register's filters and sorts lean on.

-- A signed-in reader's personal calendar feed is a URL carrying a secret, so
-- that a calendar program can fetch it without a session. Only a hash of the
-- secret is kept; regenerating replaces it, which kills the old URL.
CREATE TABLE calendar_tokens (
    user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz,
    CONSTRAINT calendar_tokens_hash_key UNIQUE (token_hash)
);

-- "Raised between two dates" and "sort by age".
CREATE INDEX actions_raised_on_idx ON actions (raised_on, committee_id);
-- Revisions counted per action for slippage.
CREATE INDEX action_events_revised_idx ON action_events (action_id) WHERE kind = 'revised';
