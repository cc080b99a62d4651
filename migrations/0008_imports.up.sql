-- Minutes documents uploaded for import that a person is still checking:
-- what was read, beside the text it was read from, until they save it as a
-- draft meeting or cancel. Each is private to its uploader and expires after
-- a day, so an abandoned upload leaves nothing behind for long.

CREATE TABLE pending_imports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The random part of the preview's address.
    token        text NOT NULL CHECK (token ~ '^[A-Za-z0-9_-]{20,64}$'),
    committee_id bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    filename     text NOT NULL CHECK (btrim(filename) <> '' AND length(filename) <= 255),
    -- The text the document's line numbers count.
    source       text NOT NULL,
    -- The minutesimport.Document as read, with the person's corrections.
    document     jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL DEFAULT now() + interval '1 day',
    CONSTRAINT pending_imports_token_key UNIQUE (token)
);
CREATE INDEX pending_imports_expires_idx ON pending_imports (expires_at);
CREATE INDEX pending_imports_user_idx ON pending_imports (user_id);
