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

-- reference_matches lists the references in a text with the sentence of
-- each (a reference once per sentence). Texts without a reference, the
-- most, cost one match.
CREATE FUNCTION reference_matches(body text) RETURNS TABLE (reference text, sentence text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    installation text;
    every text;
BEGIN
    IF body IS NULL OR body = '' THEN
        RETURN;
    END IF;
    SELECT string_agg('(?:' || p.pattern || ')', '|') INTO installation FROM reference_patterns p;
    every := '(?<![[:alnum:]_/])(' || committee_reference_pattern() || coalesce('|' || installation, '') || ')(?![[:alnum:]_])';
    IF body !~ every THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT u.r, left(u.sentence, 500) FROM (
            SELECT DISTINCT ON (r, s.sentence) r, s.sentence, s.n
            FROM regexp_split_to_table(body, '(?<=[.!?])\s+|\n+') WITH ORDINALITY AS s (sentence, n),
                 LATERAL regexp_matches(s.sentence, every, 'g') AS m,
                 LATERAL reference_normal(m[1]) AS r
            WHERE (installation IS NOT NULL AND r ~ ('^(?:' || installation || ')$'))
               OR EXISTS (SELECT 1 FROM committees c WHERE c.code = substring(r FROM '^[A-Z][A-Z0-9]{1,11}'))
            ORDER BY r, s.sentence, s.n) u
        ORDER BY u.n, u.r;
END
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

-- mentions_keep keeps a row's mentions current; its arguments name the
-- row's text columns.
CREATE FUNCTION mentions_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    body text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM mentions WHERE source = TG_TABLE_NAME AND source_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT string_agg(to_jsonb(NEW) ->> col, E'\n') INTO body FROM unnest(TG_ARGV) AS col;
        INSERT INTO mentions (source, source_id, reference, sentence)
            SELECT TG_TABLE_NAME, NEW.id, m.reference, m.sentence FROM reference_matches(body) m;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER agenda_items_mentions AFTER INSERT OR DELETE OR UPDATE OF title, minute ON agenda_items
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('title', 'minute');
CREATE TRIGGER decisions_mentions AFTER INSERT OR DELETE OR UPDATE OF text ON decisions
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('text');
CREATE TRIGGER actions_mentions AFTER INSERT OR DELETE OR UPDATE OF text ON actions
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('text');
CREATE TRIGGER action_events_mentions AFTER INSERT OR DELETE OR UPDATE OF note ON action_events
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('note');
CREATE TRIGGER minutes_comments_mentions AFTER INSERT OR DELETE OR UPDATE OF body ON minutes_comments
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('body');
CREATE TRIGGER risks_mentions AFTER INSERT OR DELETE OR UPDATE OF statement, mitigations ON risks
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('statement', 'mitigations');
CREATE TRIGGER risk_reviews_mentions AFTER INSERT OR DELETE OR UPDATE OF comment ON risk_reviews
    FOR EACH ROW EXECUTE FUNCTION mentions_keep('comment');

-- mentions_fill finds every row's mentions again: after the installation's
-- patterns change, and after a restore with the triggers off.
CREATE FUNCTION mentions_fill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM mentions;
    INSERT INTO mentions (source, source_id, reference, sentence)
        SELECT 'agenda_items', x.id, m.reference, m.sentence FROM agenda_items x, reference_matches(x.title || E'\n' || x.minute) m
        UNION ALL SELECT 'decisions', x.id, m.reference, m.sentence FROM decisions x, reference_matches(x.text) m
        UNION ALL SELECT 'actions', x.id, m.reference, m.sentence FROM actions x, reference_matches(x.text) m
        UNION ALL SELECT 'action_events', x.id, m.reference, m.sentence FROM action_events x, reference_matches(x.note) m
        UNION ALL SELECT 'minutes_comments', x.id, m.reference, m.sentence FROM minutes_comments x, reference_matches(x.body) m
        UNION ALL SELECT 'risks', x.id, m.reference, m.sentence FROM risks x, reference_matches(x.statement || E'\n' || x.mitigations) m
        UNION ALL SELECT 'risk_reviews', x.id, m.reference, m.sentence FROM risk_reviews x, reference_matches(x.comment) m;
END
$$;

SELECT mentions_fill();
