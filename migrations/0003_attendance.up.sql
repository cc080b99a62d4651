-- Who was recorded at each meeting: members by category, other participants
-- by the organisation they represent, part attendance, alternates, apologies.
-- A person appears once per meeting. Being recorded present admits a person
-- to the meeting's RED material.

CREATE TABLE attendance (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id    bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id     bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    status        text NOT NULL CHECK (status IN ('present', 'part', 'apologies')),
    -- A member sits in a category; anyone else represents an organisation.
    category      text CHECK (category IS NULL OR btrim(category) <> ''),
    representing  bigint REFERENCES organisations (id) ON DELETE RESTRICT,
    part_items    text NOT NULL DEFAULT '',
    alternate_for bigint REFERENCES people (id) ON DELETE RESTRICT,
    position      integer NOT NULL DEFAULT 0,
    CONSTRAINT attendance_once_per_meeting UNIQUE (meeting_id, person_id),
    CHECK (status = 'part' OR part_items = ''),
    CHECK (alternate_for IS NULL OR alternate_for <> person_id)
);
CREATE INDEX attendance_person_idx ON attendance (person_id, meeting_id);
