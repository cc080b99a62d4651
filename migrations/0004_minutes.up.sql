-- The content of the minutes: agenda items (nested one level: 5, 5.1),
-- decisions within items, actions raised within items, and the register
-- events that move an action after it is raised (revised target dates,
-- updates, closure and reopening at later meetings).

CREATE TABLE agenda_items (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id     bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    -- A sub-item (5.1) sits beneath its item (5); only one level of nesting.
    parent_id      bigint REFERENCES agenda_items (id) ON DELETE CASCADE,
    -- Order among siblings, from 1; the item number ("5", "5.1") derives from it.
    position       integer NOT NULL CHECK (position > 0),
    title          text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    -- The minute itself, in the small safe text format (Markdown subset).
    minute         text NOT NULL DEFAULT '',
    -- Set only when the item needs more protection than its document.
    classification text CHECK (classification IN ('RED', 'AMBER', 'GREEN', 'CLEAR')),
    version        integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id),
    CONSTRAINT agenda_items_position_key UNIQUE (meeting_id, parent_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX agenda_items_meeting_idx ON agenda_items (meeting_id, parent_id, position);
-- Top-level items have a NULL parent, which UNIQUE does not compare; this does.
CREATE UNIQUE INDEX agenda_items_top_position_key ON agenda_items (meeting_id, position) WHERE parent_id IS NULL;

-- A decision recorded within an item, in the committee's voice: kind is a word
-- of the committee's vocabulary (NOTED, AGREED, APPROVED, …).
CREATE TABLE decisions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id    bigint NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position > 0),
    kind       text NOT NULL CHECK (kind ~ '^[A-Z][A-Z ]{1,29}$'),
    -- What follows the word: "the update", "with the summary of DCC reporting …".
    text       text NOT NULL CHECK (btrim(text) <> ''),
    version    integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_item_idx ON decisions (item_id, position);

-- Each meeting hands out action numbers in order and never again, so a
-- deleted action's number is not reused; the counter lives on the meeting
-- row, whose lock serialises two people adding actions at the same moment.
ALTER TABLE meetings ADD COLUMN last_action_sequence integer NOT NULL DEFAULT 0 CHECK (last_action_sequence >= 0);

-- An action: "OPSG 105/01". Its reference is the committee code, the number of
-- the meeting that raised it and a two-digit sequence. raised_meeting_id is
-- NULL for an action raised at a meeting that is not in minutebook (earlier
-- history entered by hand, or imported from an actions-outstanding table).
CREATE TABLE actions (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id          bigint NOT NULL REFERENCES committees (id) ON DELETE RESTRICT,
    meeting_number        integer NOT NULL CHECK (meeting_number > 0),
    sequence              integer NOT NULL CHECK (sequence > 0),
    raised_meeting_id     bigint REFERENCES meetings (id) ON DELETE RESTRICT,
    item_id               bigint REFERENCES agenda_items (id) ON DELETE SET NULL,
    raised_on             date NOT NULL,
    text                  text NOT NULL CHECK (btrim(text) <> ''),
    owner_organisation_id bigint NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    owner_person_id       bigint REFERENCES people (id) ON DELETE RESTRICT,
    -- The target date as first set; revisions live in action_events and the
    -- current target is the latest revision's.
    target_date           date,
    current_target_date   date,
    status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_meeting_id     bigint REFERENCES meetings (id) ON DELETE RESTRICT,
    closed_on             date,
    version               integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT actions_reference_key UNIQUE (committee_id, meeting_number, sequence),
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX actions_committee_status_idx ON actions (committee_id, status, current_target_date);
CREATE INDEX actions_owner_idx ON actions (owner_organisation_id, status, current_target_date);
CREATE INDEX actions_raised_meeting_idx ON actions (raised_meeting_id);
CREATE INDEX actions_item_idx ON actions (item_id);

-- What happens to an action after it is raised, in order: a revised target
-- date (with the reason), an update note, closure with a note, reopening
-- with a reason. meeting_id names the meeting at which it was recorded.
CREATE TABLE action_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id       bigint NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    meeting_id      bigint REFERENCES meetings (id) ON DELETE RESTRICT,
    kind            text NOT NULL CHECK (kind IN ('revised', 'update', 'closed', 'reopened')),
    previous_target date,
    new_target      date,
    note            text NOT NULL DEFAULT '',
    actor_id        bigint REFERENCES users (id) ON DELETE RESTRICT,
    at              timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'revised' OR new_target IS NOT NULL),
    CHECK (kind NOT IN ('reopened') OR btrim(note) <> '')
);
CREATE INDEX action_events_action_idx ON action_events (action_id, at);
CREATE INDEX action_events_meeting_idx ON action_events (meeting_id);
