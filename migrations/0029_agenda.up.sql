-- Before the meeting (issue 16): the agenda is the meeting's items before
-- they are minuted. The same agenda_items row later takes its minute,
-- decisions and actions: one record, not a copy. What the agenda says of an
-- item (its purpose, presenter and time) is kept on the item itself; the
-- agenda's own state (draft or published, and its revisions since) lives in
-- agendas, one row per meeting whose agenda has been published.

ALTER TABLE agenda_items
    ADD COLUMN purpose                   text CHECK (purpose IN ('decision', 'discussion', 'information')),
    -- Who presents it: a person (shown with their organisation) or an
    -- organisation ("DCC"), never both.
    ADD COLUMN presenter_person_id       bigint REFERENCES people (id) ON DELETE RESTRICT,
    ADD COLUMN presenter_organisation_id bigint REFERENCES organisations (id) ON DELETE RESTRICT,
    -- A time ("13:05") and/or a duration in minutes ("20 minutes").
    ADD COLUMN starts_at                 time,
    ADD COLUMN duration_minutes          integer CHECK (duration_minutes BETWEEN 1 AND 720),
    ADD CONSTRAINT agenda_items_one_presenter CHECK (presenter_person_id IS NULL OR presenter_organisation_id IS NULL);

-- Papers name their item and its meeting together (migration 0030), so that
-- a paper always sits in its item's meeting and follows it when the item is
-- moved to another meeting of the forward plan.
CREATE UNIQUE INDEX agenda_items_id_meeting_key ON agenda_items (id, meeting_id);

-- A meeting's agenda: draft until published. A meeting without a row
-- here has a draft agenda too, which only its secretariat reads.
CREATE TABLE agendas (
    meeting_id   bigint PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    published_at timestamptz,
    -- The latest revision: 1 is the agenda as first published.
    revision     integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
    CHECK ((status = 'published') = (published_at IS NOT NULL)),
    CHECK ((status = 'published') = (revision > 0))
);

-- Every state of a published agenda: revision 1 as published, then one
-- revision per change after it ("item 7 added", "paper OPSG_107_05
-- replaced"), with the agenda as it then stood. Written by the database
-- (migration 0030's triggers) in the transaction of the change, so no write
-- path can change a published agenda without its revision.
CREATE TABLE agenda_revisions (
    meeting_id bigint NOT NULL REFERENCES agendas (meeting_id) ON DELETE CASCADE,
    revision   integer NOT NULL CHECK (revision > 0),
    at         timestamptz NOT NULL DEFAULT now(),
    changes    text[] NOT NULL,
    snapshot   jsonb NOT NULL,
    PRIMARY KEY (meeting_id, revision)
);

CREATE FUNCTION agenda_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'agenda revisions are immutable: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER agenda_revisions_immutable BEFORE UPDATE ON agenda_revisions
    FOR EACH ROW EXECUTE FUNCTION agenda_revisions_immutable();
