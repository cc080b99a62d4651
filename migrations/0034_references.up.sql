-- References (issue 17): the action, risk and document references of every
-- committee ("OPSG 105/01", "OPSG-006", "OPSG_105_2310") and the patterns
-- an administrator configures for the installation (incidents, modification
-- proposals, performance measures) are found in every searchable text on
-- write and kept in mentions, one row per reference per sentence.

-- The installation's patterns: PostgreSQL regular expressions (ARE), each
-- matched as a whole word.
CREATE TABLE reference_patterns (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pattern    text NOT NULL UNIQUE CHECK (btrim(pattern) <> '' AND length(pattern) <= 200),
    label      text NOT NULL DEFAULT '' CHECK (length(label) <= 100),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO reference_patterns (pattern, label) VALUES
    ('INC\d+', 'Incident'),
    ('MP\d+', 'Modification proposal'),
    ('DP\d+', 'Draft proposal'),
    ('CP\d+', 'Change proposal'),
    ('CPM ?\d+[A-Z]?', 'Code performance measure');

-- The references of every committee: an action (code, meeting, sequence),
-- a risk (code, number) and a document (code, meeting, number); the code
-- must be a committee's.
CREATE FUNCTION committee_reference_pattern() RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT '[A-Z][A-Z0-9]{1,11}(?: \d{1,4}/\d{2,3}|-\d{3}|_\d{1,4}_\d{1,6})'
$$;

-- reference_normal writes a reference one way: capitals, one space.
CREATE FUNCTION reference_normal(ref text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT upper(regexp_replace(btrim(ref), '\s+', ' ', 'g'))
$$;

-- reference_installation joins the installation's patterns into one.
CREATE FUNCTION reference_installation() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT string_agg('(?:' || pattern || ')', '|' ORDER BY id) FROM reference_patterns
$$;

-- reference_every is every reference as a whole word, its first group the
-- reference; reference_rough the same without the word edges, a cheap test
-- that most texts, which name none, fail.
CREATE FUNCTION reference_every(installation text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT '(?<![[:alnum:]_/])(' || committee_reference_pattern() || coalesce('|' || installation, '') || ')(?![[:alnum:]_])'
$$;
CREATE FUNCTION reference_rough(installation text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT committee_reference_pattern() || coalesce('|' || installation, '')
$$;

-- reference_scan lists the references in a text with the sentence of each
-- (a reference once per sentence), in the text's order; a committee's
-- reference counts only when the code is a committee's.
CREATE FUNCTION reference_scan(body text, installation text) RETURNS TABLE (reference text, sentence text)
LANGUAGE sql STABLE AS $$
    SELECT u.r, left(u.sentence, 500) FROM (
        SELECT DISTINCT ON (r, s.sentence) r, s.sentence, s.n
        FROM regexp_split_to_table(body, '(?<=[.!?])\s+|\n+') WITH ORDINALITY AS s (sentence, n),
             LATERAL regexp_matches(s.sentence, reference_every(installation), 'g') AS m,
             LATERAL reference_normal(m[1]) AS r
        WHERE (installation IS NOT NULL AND r ~ ('^(?:' || installation || ')$'))
           OR EXISTS (SELECT 1 FROM committees c WHERE c.code = substring(r FROM '^[A-Z][A-Z0-9]{1,11}'))
        ORDER BY r, s.sentence, s.n) u
    ORDER BY u.n, u.r
$$;

-- reference_matches is reference_scan under the installation's patterns.
CREATE FUNCTION reference_matches(body text) RETURNS TABLE (reference text, sentence text)
LANGUAGE sql STABLE AS $$
    SELECT m.* FROM (SELECT reference_installation() AS i) p, LATERAL reference_scan(body, p.i) m
    WHERE body ~ reference_rough(p.i)
$$;

CREATE TABLE mentions (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source    text NOT NULL CHECK (source IN ('agenda_items', 'decisions', 'actions', 'action_events', 'minutes_comments', 'risks', 'risk_reviews')),
    source_id bigint NOT NULL,
    reference text NOT NULL,
    sentence  text NOT NULL
);
CREATE INDEX mentions_reference_idx ON mentions (reference, source, source_id);
CREATE INDEX mentions_source_idx ON mentions (source, source_id);

-- mentions_keep keeps the mentions of a statement's rows current, in one
-- pass over its transition tables (a COPY of a million rows is one call);
-- its arguments name the table's text columns. An update finds again only
-- the rows whose text changed.
CREATE FUNCTION mentions_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    body text := 'concat_ws(E''\n'', ' || (SELECT string_agg('x.' || quote_ident(c), ', ') FROM unnest(TG_ARGV) c) || ')';
    changed text := (SELECT string_agg(format('o.%1$I IS DISTINCT FROM x.%1$I', c), ' OR ') FROM unnest(TG_ARGV) c);
    installation text := reference_installation();
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM mentions n USING old_rows o WHERE n.source = TG_TABLE_NAME AND n.source_id = o.id;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format('DELETE FROM mentions n USING old_rows o JOIN new_rows x ON x.id = o.id WHERE n.source = %L AND n.source_id = o.id AND (%s)',
            TG_TABLE_NAME, changed);
        EXECUTE format('INSERT INTO mentions (source, source_id, reference, sentence)
            SELECT %L, x.id, m.reference, m.sentence FROM old_rows o JOIN new_rows x ON x.id = o.id, LATERAL reference_scan(%s, $1) m
            WHERE (%s) AND %s ~ $2', TG_TABLE_NAME, body, changed, body) USING installation, reference_rough(installation);
    ELSE
        EXECUTE format('INSERT INTO mentions (source, source_id, reference, sentence)
            SELECT %L, x.id, m.reference, m.sentence FROM new_rows x, LATERAL reference_scan(%s, $1) m
            WHERE %s ~ $2', TG_TABLE_NAME, body, body) USING installation, reference_rough(installation);
    END IF;
    RETURN NULL;
END
$$;

CREATE PROCEDURE mentions_triggers(tbl text, cols text[]) LANGUAGE plpgsql AS $$
DECLARE
    args text := (SELECT string_agg(quote_literal(c), ', ') FROM unnest(cols) c);
BEGIN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mentions_keep(%s)', tbl || '_mentions_insert', tbl, args);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mentions_keep(%s)', tbl || '_mentions_update', tbl, args);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mentions_keep(%s)', tbl || '_mentions_delete', tbl, args);
END
$$;

CALL mentions_triggers('agenda_items', ARRAY['title', 'minute']);
CALL mentions_triggers('decisions', ARRAY['text']);
CALL mentions_triggers('actions', ARRAY['text']);
CALL mentions_triggers('action_events', ARRAY['note']);
CALL mentions_triggers('minutes_comments', ARRAY['body']);
CALL mentions_triggers('risks', ARRAY['statement', 'mitigations']);
CALL mentions_triggers('risk_reviews', ARRAY['comment']);
DROP PROCEDURE mentions_triggers(text, text[]);

-- mentions_fill finds every row's mentions again: after the installation's
-- patterns change, and after a restore with the triggers off.
CREATE FUNCTION mentions_fill() RETURNS void LANGUAGE plpgsql AS $$
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

SELECT mentions_fill();
