-- Ending every session of an account at once (issue 13). A session holds
-- the epoch its user had when it was signed in; a password change, a reset
-- or a deactivation moves the user's epoch on, and every session signed in
-- under an older one is over at its next request. The user's row is read on
-- every request anyway, so this costs no query, and no session is looked
-- for, nor can one come back: a request in flight that writes its session
-- back writes it with the old epoch.
ALTER TABLE users ADD COLUMN session_epoch integer NOT NULL DEFAULT 0 CHECK (session_epoch >= 0);
