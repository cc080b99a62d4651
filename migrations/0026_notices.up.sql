-- Telling people (issue 18): what happened that people are told of, what
-- each person is told, and every message composed (the outbox).

-- A change people are told of, written in the change's own transaction, so
-- that it exists exactly when the change does. The job queue fans it out
-- to its recipients once (fanned_out_at), whichever server works it.
CREATE TABLE notice_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text NOT NULL CHECK (kind IN ('circulated', 'published', 'commented', 'escalated', 'withdrawn')),
    committee_id    bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    meeting_id      bigint REFERENCES meetings (id) ON DELETE CASCADE,
    comment_id      bigint REFERENCES minutes_comments (id) ON DELETE CASCADE,
    decision_id     bigint REFERENCES decisions (id) ON DELETE CASCADE,
    -- An escalation or withdrawal: the body told, and the risks.
    to_committee_id bigint REFERENCES committees (id) ON DELETE CASCADE,
    risk_ids        bigint[] NOT NULL DEFAULT '{}',
    actor_id        bigint REFERENCES users (id) ON DELETE SET NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    fanned_out_at   timestamptz,
    CHECK (kind NOT IN ('circulated', 'published', 'commented') OR meeting_id IS NOT NULL),
    CHECK (kind <> 'commented' OR comment_id IS NOT NULL),
    CHECK (kind NOT IN ('escalated', 'withdrawn') OR (to_committee_id IS NOT NULL AND cardinality(risk_ids) > 0))
);
CREATE INDEX notice_events_pending_idx ON notice_events (id) WHERE fanned_out_at IS NULL;

-- Every message composed for a person: the outbox. With no SMTP server
-- configured a message is 'kept' (shown to administrators); otherwise it is
-- 'queued' for the delivery job, then 'sent', or 'failed' after its last
-- attempt. header_id is its Message-ID, the same on every attempt.
CREATE TABLE messages (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint REFERENCES users (id) ON DELETE SET NULL,
    kind          text NOT NULL CHECK (kind IN ('minutes', 'comments', 'reminders', 'escalations', 'agenda', 'summary')),
    to_address    text NOT NULL CHECK (to_address LIKE '%_@_%'),
    to_name       text NOT NULL DEFAULT '',
    subject       text NOT NULL CHECK (btrim(subject) <> ''),
    text_body     text NOT NULL,
    html_body     text NOT NULL,
    unsubscribe   text NOT NULL DEFAULT '',
    header_id     text NOT NULL UNIQUE,
    status        text NOT NULL CHECK (status IN ('kept', 'queued', 'sent', 'failed')),
    attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error    text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    failed_at     timestamptz,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CHECK ((status = 'failed') = (failed_at IS NOT NULL))
);
CREATE INDEX messages_created_idx ON messages (created_at DESC, id DESC);
CREATE INDEX messages_status_idx ON messages (status, created_at DESC, id DESC);
CREATE INDEX messages_user_idx ON messages (user_id, created_at DESC);

-- What a person is told, one row each: of an event, or a reminder of an
-- action at a stage of its current target date. Told at once it names its
-- message; waiting for the person's weekly digest it has none until then.
-- The unique keys make the fan-out and the daily reminders idempotent.
CREATE TABLE notices (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('minutes', 'comments', 'reminders', 'escalations', 'agenda')),
    delivery    text NOT NULL CHECK (delivery IN ('immediately', 'digest')),
    event_id    bigint REFERENCES notice_events (id) ON DELETE CASCADE,
    action_id   bigint REFERENCES actions (id) ON DELETE CASCADE,
    target_date date,
    stage       text CHECK (stage IN ('before', 'due', 'overdue')),
    week        integer CHECK (week >= 0),
    message_id  bigint REFERENCES messages (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((event_id IS NULL) <> (action_id IS NULL)),
    CHECK (action_id IS NULL OR (target_date IS NOT NULL AND stage IS NOT NULL AND week IS NOT NULL))
);
CREATE UNIQUE INDEX notices_event_key ON notices (event_id, user_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX notices_reminder_key ON notices (action_id, user_id, target_date, stage, week) WHERE action_id IS NOT NULL;
CREATE INDEX notices_waiting_idx ON notices (user_id, id) WHERE delivery = 'digest' AND message_id IS NULL;

-- The comment deadline the secretariat may set when circulating a draft.
ALTER TABLE meetings ADD COLUMN comments_due date;
