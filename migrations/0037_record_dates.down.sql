-- Back to migration 0011's facts, without the records' dates.
DROP INDEX minutes_comments_record_date_idx;
DROP INDEX action_events_record_date_idx;
DROP INDEX actions_record_date_idx;
DROP INDEX decisions_record_date_idx;
DROP INDEX agenda_items_record_date_idx;

DROP VIEW access_drift;
DROP VIEW comment_access;
DROP VIEW action_event_access;
DROP VIEW action_access;
DROP VIEW decision_access;
DROP VIEW item_access;

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

CREATE OR REPLACE FUNCTION access_fill(tbl text, ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION meetings_access() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION records_access() RETURNS trigger LANGUAGE plpgsql AS $$
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
    FOREACH t IN ARRAY ARRAY['agenda_items', 'decisions', 'actions', 'action_events', 'minutes_comments'] LOOP
        EXECUTE format('ALTER TABLE %I DROP COLUMN record_date', t);
    END LOOP;
END $$;
