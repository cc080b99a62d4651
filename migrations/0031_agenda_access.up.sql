-- The reading rule's facts of what the agenda shows (issue 16), derived
-- from the facts the items already carry (migration 0011) and from the
-- agenda's state, so that the one SQL form of the rule
-- (internal/postgres/access.go, readable) and mb.Reader.CanAccess decide
-- the agenda, its items and its papers as they decide everything else.
--
-- Once a meeting's agenda is published, its items and papers are out as
-- published minutes are: for whoever their level admits (CLEAR the public,
-- GREEN the signed-in, AMBER the committee's members, RED those recorded at
-- the meeting). Before, they are as the minutes: a draft's are the
-- secretariat's alone. mb.Access.Agenda is the same in Go.
CREATE FUNCTION agenda_stage(agenda_status text, minutes_stage text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN agenda_status = 'published' THEN 'published' ELSE minutes_stage END
$$;

-- The level (as access_level: 5 is RED within AMBER) of something held at
-- its own classification inside a record at level: mb.Access.Within.
CREATE FUNCTION access_within(level smallint, own text) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN greatest(least(level, 4::smallint), classification_level(own)) = 4
                     AND (level IN (3, 5) OR own = 'AMBER') THEN 5
                ELSE greatest(least(level, 4::smallint), classification_level(own)) END::smallint
$$;

-- A meeting's agenda as a document: the meeting's own facts, at the
-- agenda's stage.
CREATE VIEW agenda_facts AS
    SELECT m.id, m.committee_id AS access_committee, m.id AS access_meeting,
           agenda_stage(a.status, m.minutes_status) AS access_stage,
           classification_level(m.classification) AS access_level
    FROM meetings m LEFT JOIN agendas a ON a.meeting_id = m.id;

-- An item as the agenda shows it: its own facts, at the agenda's stage.
CREATE VIEW agenda_item_facts AS
    SELECT i.id, i.meeting_id, i.access_committee, i.access_meeting,
           agenda_stage(a.status, i.access_stage) AS access_stage, i.access_level
    FROM agenda_items i LEFT JOIN agendas a ON a.meeting_id = i.meeting_id;

-- A paper: within its item (or its meeting, for the meeting's own papers)
-- at its own classification, at the agenda's stage.
CREATE VIEW paper_facts AS
    SELECT x.id, x.meeting_id, f.access_committee, f.access_meeting, f.access_stage,
           access_within(coalesce(i.access_level, f.access_level), x.classification) AS access_level
    FROM papers x
    JOIN agenda_facts f ON f.id = x.meeting_id
    LEFT JOIN agenda_items i ON i.id = x.item_id;
