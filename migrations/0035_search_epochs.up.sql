-- A server keeps a reader's search results and a reference's history for
-- as long as no committee's minutes epoch moves (migration 0013, issue 17).
-- The epoch already counts the writes to meetings, actions and their
-- events, comments, risk reviews and attendance; these triggers add what
-- else a search reads: agenda items, decisions and risks.

CREATE FUNCTION search_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source text := CASE TG_TABLE_NAME
        WHEN 'agenda_items' THEN 'SELECT m.committee_id FROM %I t JOIN meetings m ON m.id = t.meeting_id'
        WHEN 'decisions' THEN 'SELECT m.committee_id FROM %I t JOIN agenda_items i ON i.id = t.item_id JOIN meetings m ON m.id = i.meeting_id'
        ELSE 'SELECT t.committee_id FROM %I t' END;
    ids bigint[] := '{}';
    more bigint[];
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE 'SELECT coalesce(array_agg(DISTINCT c), ''{}'') FROM (' || format(source, 'new_rows') || ') s (c)' INTO more;
        ids := ids || more;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE 'SELECT coalesce(array_agg(DISTINCT c), ''{}'') FROM (' || format(source, 'old_rows') || ') s (c)' INTO more;
        ids := ids || more;
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
    FOREACH t IN ARRAY ARRAY['agenda_items', 'decisions', 'risks'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()', t || '_search_epoch_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()', t || '_search_epoch_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()', t || '_search_epoch_delete', t);
    END LOOP;
END $$;
