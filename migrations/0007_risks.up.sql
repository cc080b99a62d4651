-- The risk register: each committee's risks, their reviews at meetings, the
-- actions that mitigate them, and their escalations to the parent body.

-- Each committee hands out risk numbers in order and never again, so that a
-- reference ("OPSG-006") is never reused; the counter lives on the committee
-- row, whose lock serialises two people adding risks at the same moment.
ALTER TABLE committees ADD COLUMN last_risk_number integer NOT NULL DEFAULT 0 CHECK (last_risk_number >= 0);

-- A risk: "OPSG-006: There is a risk CSP N will fail to meet SEC requirements …".
-- Likelihood and impact are scored 1–5; severity is their product (1–25).
-- The current scores are those of the latest review (or the first assessment).
CREATE TABLE risks (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id          bigint NOT NULL REFERENCES committees (id) ON DELETE RESTRICT,
    reference             text NOT NULL CHECK (reference ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'),
    statement             text NOT NULL CHECK (btrim(statement) <> '' AND length(statement) <= 2000),
    owner_organisation_id bigint NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    owner_person_id       bigint REFERENCES people (id) ON DELETE RESTRICT,
    likelihood            integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact                integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
    severity              integer GENERATED ALWAYS AS (likelihood * impact) STORED,
    status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    mitigations           text NOT NULL DEFAULT '' CHECK (length(mitigations) <= 5000),
    version               integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT risks_reference_key UNIQUE (committee_id, reference)
);
CREATE INDEX risks_committee_status_idx ON risks (committee_id, status, severity DESC);

-- The actions that mitigate a risk.
CREATE TABLE risk_actions (
    risk_id   bigint NOT NULL REFERENCES risks (id) ON DELETE CASCADE,
    action_id bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    PRIMARY KEY (risk_id, action_id)
);
CREATE INDEX risk_actions_action_idx ON risk_actions (action_id);

-- A review of a risk at a meeting: its scores then, the band they fell in
-- under the committee's bands then, and the comment. The statement is kept
-- as it stood, so that approved minutes read the same for ever. item_id is
-- the agenda item whose minute carries the review; it is NULL only for
-- history entered from meetings whose items are not in minutebook.
CREATE TABLE risk_reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    risk_id    bigint NOT NULL REFERENCES risks (id) ON DELETE CASCADE,
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,
    item_id    bigint REFERENCES agenda_items (id) ON DELETE SET NULL,
    likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact     integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
    severity   integer GENERATED ALWAYS AS (likelihood * impact) STORED,
    band       text NOT NULL,
    statement  text NOT NULL CHECK (btrim(statement) <> ''),
    comment    text NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
    actor_id   bigint REFERENCES users (id) ON DELETE RESTRICT,
    at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT risk_reviews_once_per_meeting UNIQUE (risk_id, meeting_id)
);
CREATE INDEX risk_reviews_meeting_idx ON risk_reviews (meeting_id, item_id);

-- An escalation of a risk to the parent body, agreed by a recorded decision
-- at a meeting, open until withdrawn by another recorded decision. A risk has
-- at most one open escalation. The decisions it rests on cannot be deleted
-- while it refers to them.
CREATE TABLE risk_escalations (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    risk_id               bigint NOT NULL REFERENCES risks (id) ON DELETE RESTRICT,
    to_committee_id       bigint NOT NULL REFERENCES committees (id) ON DELETE RESTRICT,
    meeting_id            bigint NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,
    decision_id           bigint NOT NULL REFERENCES decisions (id) ON DELETE RESTRICT,
    likelihood            integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact                integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
    severity              integer GENERATED ALWAYS AS (likelihood * impact) STORED,
    band                  text NOT NULL,
    escalated_at          timestamptz NOT NULL DEFAULT now(),
    withdrawn_meeting_id  bigint REFERENCES meetings (id) ON DELETE RESTRICT,
    withdrawn_decision_id bigint REFERENCES decisions (id) ON DELETE RESTRICT,
    withdrawn_at          timestamptz,
    withdrawal_reason     text NOT NULL DEFAULT '',
    CONSTRAINT risk_escalations_withdrawal_check CHECK (
        (withdrawn_meeting_id IS NULL) = (withdrawn_decision_id IS NULL)
        AND (withdrawn_decision_id IS NULL) = (withdrawn_at IS NULL))
);
CREATE UNIQUE INDEX risk_escalations_one_open ON risk_escalations (risk_id) WHERE withdrawn_at IS NULL;
CREATE INDEX risk_escalations_to_idx ON risk_escalations (to_committee_id) WHERE withdrawn_at IS NULL;
CREATE INDEX risk_escalations_decision_idx ON risk_escalations (decision_id);
CREATE INDEX risk_escalations_withdrawn_decision_idx ON risk_escalations (withdrawn_decision_id);
