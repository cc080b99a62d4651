DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['papers', 'agendas'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_search_epoch_insert', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_search_epoch_update', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_search_epoch_delete', t);
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION search_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE FUNCTION mentions_fill() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    installation text := reference_installation();
    t record;
BEGIN
    DELETE FROM mentions;
    FOR t IN SELECT * FROM (VALUES ('agenda_items', 'concat_ws(E''\n'', x.title, x.minute)'), ('decisions', 'x.text'), ('actions', 'x.text'),
            ('action_events', 'x.note'), ('minutes_comments', 'x.body'), ('risks', 'concat_ws(E''\n'', x.statement, x.mitigations)'),
            ('risk_reviews', 'x.comment')) AS v (tbl, body) LOOP
        EXECUTE format('INSERT INTO mentions (source, source_id, reference, sentence)
            SELECT %L, x.id, m.reference, m.sentence FROM %I x, LATERAL reference_scan(%s, $1) m WHERE %s ~ $2',
            t.tbl, t.tbl, t.body, t.body) USING installation, reference_rough(installation);
    END LOOP;
END
$$;

DROP TRIGGER papers_mentions_insert ON papers;
DROP TRIGGER papers_mentions_update ON papers;
DROP TRIGGER papers_mentions_delete ON papers;
DELETE FROM mentions WHERE source = 'papers';
ALTER TABLE mentions DROP CONSTRAINT mentions_source_check;
ALTER TABLE mentions ADD CONSTRAINT mentions_source_check
    CHECK (source IN ('agenda_items', 'decisions', 'actions', 'action_events', 'minutes_comments', 'risks', 'risk_reviews'));

ALTER TABLE papers DROP COLUMN label;
ALTER TABLE papers DROP COLUMN search;
ALTER TABLE agenda_items DROP COLUMN agenda_search;
