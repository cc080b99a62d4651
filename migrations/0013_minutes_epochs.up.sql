-- Approved and published minutes do not change, but what their page shows
-- beside their own content does: the actions outstanding table (from the
-- register), the next meetings (from the schedule), the committee's name,
-- people's and organisations' names, the comments' resolutions. Each
-- committee counts the writes to any of these in minutes_epoch, so that a
-- server may keep a rendered document for as long as its meeting's version
-- (bumped by every transition and correction) and its committee's epoch
-- stay the same, and every server on the database sees the change in the
-- same row it reads the meeting from (issue 11). The register's totals for
-- a reader are kept the same way, by the sum of every committee's epoch;
-- attendance counts too, since it admits to RED records.

ALTER TABLE committees ADD COLUMN minutes_epoch bigint NOT NULL DEFAULT 1;

-- A committee's own change counts.
CREATE FUNCTION committees_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.minutes_epoch = OLD.minutes_epoch AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
        NEW.minutes_epoch := OLD.minutes_epoch + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER committees_epoch BEFORE UPDATE ON committees
    FOR EACH ROW EXECUTE FUNCTION committees_epoch();

-- A statement that writes a committee's meetings, actions, events,
-- comments, risk reviews, attendance or categories counts for the
-- committees it touched; one that renames people or organisations, for
-- every committee.
CREATE FUNCTION minutes_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source text := CASE TG_TABLE_NAME
        WHEN 'meetings' THEN 'SELECT t.committee_id FROM %I t'
        WHEN 'actions' THEN 'SELECT t.committee_id FROM %I t'
        WHEN 'committee_categories' THEN 'SELECT t.committee_id FROM %I t'
        WHEN 'action_events' THEN 'SELECT a.committee_id FROM %I t JOIN actions a ON a.id = t.action_id'
        ELSE 'SELECT m.committee_id FROM %I t JOIN meetings m ON m.id = t.meeting_id' END;
    ids bigint[] := '{}';
    more bigint[];
BEGIN
    IF TG_TABLE_NAME IN ('people', 'organisations') THEN
        UPDATE committees SET minutes_epoch = minutes_epoch + 1;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE 'SELECT array_agg(DISTINCT committee_id) FROM (' || format(source, 'new_rows') || ') x' INTO more;
        ids := ids || coalesce(more, '{}');
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE 'SELECT array_agg(DISTINCT committee_id) FROM (' || format(source, 'old_rows') || ') x' INTO more;
        ids := ids || coalesce(more, '{}');
    END IF;
    IF cardinality(ids) > 0 THEN
        UPDATE committees SET minutes_epoch = minutes_epoch + 1 WHERE id IN (SELECT unnest(ids));
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['meetings', 'actions', 'action_events', 'minutes_comments', 'risk_reviews', 'attendance',
                             'committee_categories'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION minutes_epoch_bump()', t || '_epoch_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION minutes_epoch_bump()', t || '_epoch_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION minutes_epoch_bump()', t || '_epoch_delete', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['people', 'organisations'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION minutes_epoch_bump()', t || '_epoch_update', t);
    END LOOP;
END $$;
