-- Telling people (issue 18): each person's choices, the committees'
-- reminder setting, the weekly digests and the key that signs
-- unsubscribe links.

-- A person's choice for a kind of message: at once, in the weekly digest,
-- or never. A kind with no row takes its default (mb.DefaultDelivery).
CREATE TABLE notice_preferences (
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     text NOT NULL CHECK (kind IN ('minutes', 'comments', 'reminders', 'escalations', 'agenda', 'summary')),
    delivery text NOT NULL CHECK (delivery IN ('immediately', 'digest', 'never')),
    PRIMARY KEY (user_id, kind),
    CHECK (kind <> 'summary' OR delivery <> 'immediately')
);

-- How many days before an action's target its owner is first reminded.
ALTER TABLE committees ADD COLUMN reminder_days integer NOT NULL DEFAULT 7 CHECK (reminder_days BETWEEN 1 AND 60);

-- One weekly digest per person per week (the Monday it belongs to), so
-- that the weekly job, run again or on two servers, composes it once; a
-- digest with nothing to say has no message.
CREATE TABLE digests (
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week       date NOT NULL CHECK (extract(isodow FROM week) = 1),
    message_id bigint REFERENCES messages (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, week)
);

-- The key that signs unsubscribe links (HMAC-SHA256), made once and
-- shared by every server on the database.
CREATE TABLE notice_keys (
    id         integer PRIMARY KEY CHECK (id = 1),
    secret     bytea NOT NULL CHECK (length(secret) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
