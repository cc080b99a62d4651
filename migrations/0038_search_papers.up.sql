-- The search and a reference's page find papers and the items of a
-- published agenda (issue 17): a paper by its reference and title, an
-- item on a published agenda by its title only (its minute is not out to
-- the readers of the agenda alone).

ALTER TABLE papers ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', reference || ' ' || title), 'A')) STORED;
ALTER TABLE agenda_items ADD COLUMN agenda_search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A')) STORED;
CREATE INDEX papers_search_idx ON papers USING gin (search);
-- An item whose minutes are published reads the same on its agenda: only
-- the others are ever found there, and only they are indexed (the search's
-- agenda branch asks the same of its rows).
CREATE INDEX agenda_items_agenda_search_idx ON agenda_items USING gin (agenda_search) WHERE access_stage <> 'published';

-- A paper's sentence is its reference and title, "OPSG_107_05 Draft legal
-- text for MP123": it mentions what its title names, and its own document
-- reference.
ALTER TABLE papers ADD COLUMN label text GENERATED ALWAYS AS (reference || ' ' || title) STORED;

ALTER TABLE mentions DROP CONSTRAINT mentions_source_check;
ALTER TABLE mentions ADD CONSTRAINT mentions_source_check
    CHECK (source IN ('agenda_items', 'decisions', 'actions', 'action_events', 'minutes_comments', 'risks', 'risk_reviews', 'papers'));

CREATE TRIGGER papers_mentions_insert AFTER INSERT ON papers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mentions_keep('label');
CREATE TRIGGER papers_mentions_update AFTER UPDATE ON papers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mentions_keep('label');
CREATE TRIGGER papers_mentions_delete AFTER DELETE ON papers REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION mentions_keep('label');

-- mentions_fill (migration 0034) with the papers.
CREATE OR REPLACE FUNCTION mentions_fill() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    installation text := reference_installation();
    t record;
BEGIN
    DELETE FROM mentions;
    FOR t IN SELECT * FROM (VALUES ('agenda_items', 'concat_ws(E''\n'', x.title, x.minute)'), ('decisions', 'x.text'), ('actions', 'x.text'),
            ('action_events', 'x.note'), ('minutes_comments', 'x.body'), ('risks', 'concat_ws(E''\n'', x.statement, x.mitigations)'),
            ('risk_reviews', 'x.comment'), ('papers', 'x.label')) AS v (tbl, body) LOOP
        EXECUTE format('INSERT INTO mentions (source, source_id, reference, sentence)
            SELECT %L, x.id, m.reference, m.sentence FROM %I x, LATERAL reference_scan(%s, $1) m WHERE %s ~ $2',
            t.tbl, t.tbl, t.body, t.body) USING installation, reference_rough(installation);
    END LOOP;
END
$$;

-- The papers there are already.
INSERT INTO mentions (source, source_id, reference, sentence)
    SELECT 'papers', x.id, m.reference, m.sentence
    FROM papers x, LATERAL reference_scan(x.label, reference_installation()) m;

-- A paper, and an agenda's publication (what the agenda's readers find),
-- move their committee's epoch (migration 0035).
CREATE OR REPLACE FUNCTION search_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source text := CASE
        WHEN TG_TABLE_NAME IN ('agenda_items', 'papers', 'agendas') THEN 'SELECT m.committee_id FROM %I t JOIN meetings m ON m.id = t.meeting_id'
        WHEN TG_TABLE_NAME = 'decisions' THEN 'SELECT m.committee_id FROM %I t JOIN agenda_items i ON i.id = t.item_id JOIN meetings m ON m.id = i.meeting_id'
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
    FOREACH t IN ARRAY ARRAY['papers', 'agendas'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()', t || '_search_epoch_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()', t || '_search_epoch_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION search_epoch_bump()', t || '_search_epoch_delete', t);
    END LOOP;
END $$;
