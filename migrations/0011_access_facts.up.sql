-- What the reading rule needs of every readable record, kept on the record
-- itself (issue 11). An agenda item, a decision, an action, an action's
-- event (its note) and a comment each carry:
--
--   access_committee  the committee it belongs to
--   access_meeting    the meeting whose minutes hold it (NULL for an action
--                     entered from earlier history, or an event recorded
--                     outside a meeting): its attendance admits to RED
--   access_stage      those minutes' status (draft, circulated, approved,
--                     published), or 'history' where there are none
--   access_level      who the levels it is within admit, 1 (CLEAR) to 4
--                     (RED) for the strictest of the document's, the item's
--                     and the item's parent's classification, and 5 for RED
--                     within AMBER: RED's audience, the people recorded at
--                     the meeting, is not inside AMBER's, the committee's
--                     members, so RED within AMBER is for the members
--                     recorded there (mb.Access.Members)
--
-- The *_access views below define the facts from the rows they come from;
-- triggers keep the columns equal to them in the statement of every write
-- that moves them (lifecycle moves, corrections, classification edits,
-- nesting and un-nesting, imports, COPY), so that every read path decides
-- with the one predicate in internal/postgres/access.go over a row's own
-- columns, and mb.Reader.CanAccess is the same rule in Go. The facts are
-- filled from the current rows at the end of this migration.

CREATE FUNCTION classification_level(c text) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE c WHEN 'CLEAR' THEN 1 WHEN 'GREEN' THEN 2 WHEN 'AMBER' THEN 3 WHEN 'RED' THEN 4 END::smallint
$$;

-- The audience of a record within the levels given (see access_level above).
CREATE FUNCTION access_level(doc text, item text, parent text) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN 'RED' IN (doc, item, parent) AND 'AMBER' IN (doc, item, parent) THEN 5
                ELSE greatest(classification_level(doc), classification_level(item), classification_level(parent)) END::smallint
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agenda_items', 'decisions', 'actions', 'action_events', 'minutes_comments'] LOOP
        EXECUTE format($f$
            ALTER TABLE %I
                ADD COLUMN access_committee bigint,
                ADD COLUMN access_meeting   bigint,
                ADD COLUMN access_stage     text CHECK (access_stage IN ('draft', 'circulated', 'approved', 'published', 'history')),
                ADD COLUMN access_level     smallint CHECK (access_level BETWEEN 1 AND 5)
        $f$, t);
    END LOOP;
END $$;

-- The facts, from the rows they come from. An item is as protected as its
-- document and its parent item; a decision and an action as their item (an
-- action whose item is gone, as its meeting; one from earlier history, as
-- AMBER material of its committee); an event's note as the minutes of the
-- meeting it was recorded at; a comment as its item (or its meeting).
CREATE VIEW item_access AS
    SELECT i.id, m.committee_id AS committee, m.id AS meeting, m.minutes_status AS stage,
           access_level(m.classification, i.classification, p.classification) AS level
    FROM agenda_items i
    JOIN meetings m ON m.id = i.meeting_id
    LEFT JOIN agenda_items p ON p.id = i.parent_id;

CREATE VIEW decision_access AS
    SELECT d.id, v.committee, v.meeting, v.stage, v.level
    FROM decisions d JOIN item_access v ON v.id = d.item_id;

CREATE VIEW action_access AS
    SELECT a.id, coalesce(v.committee, m.committee_id, a.committee_id) AS committee, coalesce(v.meeting, m.id) AS meeting,
           coalesce(v.stage, m.minutes_status, 'history') AS stage,
           coalesce(v.level, access_level(m.classification, NULL, NULL), 3::smallint) AS level
    FROM actions a
    LEFT JOIN item_access v ON v.id = a.item_id
    LEFT JOIN meetings m ON m.id = a.raised_meeting_id;

CREATE VIEW action_event_access AS
    SELECT e.id, coalesce(m.committee_id, a.committee_id) AS committee, m.id AS meeting,
           coalesce(m.minutes_status, 'history') AS stage, coalesce(access_level(m.classification, NULL, NULL), 3::smallint) AS level
    FROM action_events e
    JOIN actions a ON a.id = e.action_id
    LEFT JOIN meetings m ON m.id = e.meeting_id;

CREATE VIEW comment_access AS
    SELECT c.id, coalesce(v.committee, m.committee_id) AS committee, coalesce(v.meeting, m.id) AS meeting,
           coalesce(v.stage, m.minutes_status) AS stage, coalesce(v.level, access_level(m.classification, NULL, NULL)) AS level
    FROM minutes_comments c
    JOIN meetings m ON m.id = c.meeting_id
    LEFT JOIN item_access v ON v.id = c.item_id;

-- Rows whose stored facts differ from their definition: empty, always. The
-- tests, and the scale loader before it commits, check it.
CREATE VIEW access_drift AS
    SELECT 'agenda_items' AS tbl, t.id FROM agenda_items t JOIN item_access v ON v.id = t.id
        WHERE (t.access_committee, t.access_meeting, t.access_stage, t.access_level) IS DISTINCT FROM (v.committee, v.meeting, v.stage, v.level)
    UNION ALL
    SELECT 'decisions', t.id FROM decisions t JOIN decision_access v ON v.id = t.id
        WHERE (t.access_committee, t.access_meeting, t.access_stage, t.access_level) IS DISTINCT FROM (v.committee, v.meeting, v.stage, v.level)
    UNION ALL
    SELECT 'actions', t.id FROM actions t JOIN action_access v ON v.id = t.id
        WHERE (t.access_committee, t.access_meeting, t.access_stage, t.access_level) IS DISTINCT FROM (v.committee, v.meeting, v.stage, v.level)
    UNION ALL
    SELECT 'action_events', t.id FROM action_events t JOIN action_event_access v ON v.id = t.id
        WHERE (t.access_committee, t.access_meeting, t.access_stage, t.access_level) IS DISTINCT FROM (v.committee, v.meeting, v.stage, v.level)
    UNION ALL
    SELECT 'minutes_comments', t.id FROM minutes_comments t JOIN comment_access v ON v.id = t.id
        WHERE (t.access_committee, t.access_meeting, t.access_stage, t.access_level) IS DISTINCT FROM (v.committee, v.meeting, v.stage, v.level);

-- access_fill sets the facts of the rows of tbl with the ids from their
-- definition, writing only the rows that differ (so that a load that gave
-- them right costs one read).
CREATE FUNCTION access_fill(tbl text, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    def text := CASE tbl WHEN 'agenda_items' THEN 'item_access' WHEN 'decisions' THEN 'decision_access'
        WHEN 'actions' THEN 'action_access' WHEN 'action_events' THEN 'action_event_access'
        WHEN 'minutes_comments' THEN 'comment_access' END;
BEGIN
    IF coalesce(cardinality(ids), 0) = 0 THEN
        RETURN;
    END IF;
    EXECUTE format($f$
        UPDATE %I t SET access_committee = v.committee, access_meeting = v.meeting, access_stage = v.stage, access_level = v.level
        FROM %I v
        WHERE v.id = t.id AND t.id IN (SELECT unnest($1))
          AND (t.access_committee, t.access_meeting, t.access_stage, t.access_level) IS DISTINCT FROM (v.committee, v.meeting, v.stage, v.level)
    $f$, tbl, def) USING ids;
END $$;

-- The lock on approved minutes guards their content, not the facts derived
-- from it: approving minutes moves their items' stage. The lock triggers
-- now fire on the content columns only.
DROP TRIGGER agenda_items_locked ON agenda_items;
CREATE TRIGGER agenda_items_locked
    BEFORE INSERT OR DELETE OR UPDATE OF meeting_id, parent_id, position, title, minute, classification, version, created_at, updated_at
    ON agenda_items FOR EACH ROW EXECUTE FUNCTION agenda_items_locked();
DROP TRIGGER decisions_locked ON decisions;
CREATE TRIGGER decisions_locked
    BEFORE INSERT OR DELETE OR UPDATE OF item_id, position, kind, text, version, created_at, updated_at
    ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_locked();

-- Fill the facts from the current rows.
SELECT access_fill('agenda_items', ARRAY(SELECT id FROM agenda_items));
SELECT access_fill('decisions', ARRAY(SELECT id FROM decisions));
SELECT access_fill('actions', ARRAY(SELECT id FROM actions));
SELECT access_fill('action_events', ARRAY(SELECT id FROM action_events));
SELECT access_fill('minutes_comments', ARRAY(SELECT id FROM minutes_comments));

-- And keep them: statement triggers, so that a COPY of 300,000 rows is
-- decided in one pass, and a write that moves nothing costs one look at
-- the rows it wrote.

-- Minutes that move (their status, level or committee) move everything in them.
CREATE FUNCTION meetings_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.committee_id, n.classification, n.minutes_status) IS DISTINCT FROM (o.committee_id, o.classification, o.minutes_status);
    IF moved IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM access_fill('agenda_items', ARRAY(SELECT id FROM agenda_items WHERE meeting_id IN (SELECT unnest(moved))));
    PERFORM access_fill('decisions', ARRAY(SELECT d.id FROM decisions d JOIN agenda_items i ON i.id = d.item_id
        WHERE i.meeting_id IN (SELECT unnest(moved))));
    PERFORM access_fill('actions', ARRAY(SELECT id FROM actions WHERE raised_meeting_id IN (SELECT unnest(moved))));
    PERFORM access_fill('action_events', ARRAY(SELECT id FROM action_events WHERE meeting_id IN (SELECT unnest(moved))));
    PERFORM access_fill('minutes_comments', ARRAY(SELECT id FROM minutes_comments WHERE meeting_id IN (SELECT unnest(moved))));
    RETURN NULL;
END $$;
CREATE TRIGGER meetings_access AFTER UPDATE ON meetings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_access();

-- An item added, reclassified, nested or un-nested moves itself, its
-- sub-items and everything recorded in them.
CREATE FUNCTION agenda_items_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO moved FROM new_rows;
    ELSE
        SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.meeting_id, n.parent_id, n.classification) IS DISTINCT FROM (o.meeting_id, o.parent_id, o.classification);
    END IF;
    IF moved IS NULL THEN
        RETURN NULL;
    END IF;
    moved := moved || ARRAY(SELECT id FROM agenda_items WHERE parent_id IN (SELECT unnest(moved)));
    PERFORM access_fill('agenda_items', moved);
    PERFORM access_fill('decisions', ARRAY(SELECT id FROM decisions WHERE item_id IN (SELECT unnest(moved))));
    PERFORM access_fill('actions', ARRAY(SELECT id FROM actions WHERE item_id IN (SELECT unnest(moved))));
    PERFORM access_fill('minutes_comments', ARRAY(SELECT id FROM minutes_comments WHERE item_id IN (SELECT unnest(moved))));
    RETURN NULL;
END $$;
CREATE TRIGGER agenda_items_access_insert AFTER INSERT ON agenda_items
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agenda_items_access();
CREATE TRIGGER agenda_items_access_update AFTER UPDATE ON agenda_items
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agenda_items_access();

-- A decision, an action, an event or a comment written, or moved to
-- another item, meeting or committee, takes the facts of where it now is.
-- An action moved to another committee takes its earlier-history events along.
CREATE FUNCTION records_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO moved FROM new_rows;
    ELSIF TG_TABLE_NAME = 'decisions' THEN
        SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.item_id IS DISTINCT FROM o.item_id;
    ELSIF TG_TABLE_NAME = 'actions' THEN
        SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.committee_id, n.raised_meeting_id, n.item_id) IS DISTINCT FROM (o.committee_id, o.raised_meeting_id, o.item_id);
    ELSIF TG_TABLE_NAME = 'action_events' THEN
        SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.action_id, n.meeting_id) IS DISTINCT FROM (o.action_id, o.meeting_id);
    ELSE
        SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.meeting_id, n.item_id) IS DISTINCT FROM (o.meeting_id, o.item_id);
    END IF;
    IF moved IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM access_fill(TG_TABLE_NAME, moved);
    IF TG_TABLE_NAME = 'actions' AND TG_OP = 'UPDATE' THEN
        PERFORM access_fill('action_events', ARRAY(SELECT id FROM action_events
            WHERE action_id IN (SELECT unnest(moved)) AND meeting_id IS NULL));
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['decisions', 'actions', 'action_events', 'minutes_comments'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION records_access()', t || '_access_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION records_access()', t || '_access_update', t);
    END LOOP;
END $$;
