-- Issue 14: never lose a word. What an editor is typing into a form is
-- kept every few seconds as their private draft of that form, named by the
-- form's address, until the form is saved or the draft discarded.
CREATE TABLE form_drafts (
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    path     text NOT NULL CHECK (path LIKE '/%' AND length(path) <= 500),
    fields   jsonb NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, path)
);
