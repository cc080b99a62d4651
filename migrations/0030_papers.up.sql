-- Papers (issue 16): files attached to an agenda item or to the meeting,
-- each with a title, a reference (OPSG_107_05), a classification of its own
-- and versions. A replaced paper keeps its earlier versions.
--
-- The bytes live apart from the metadata, in paper_files: every stored file
-- has a row there, whichever storage holds it ('postgres': its bytes are the
-- rows of paper_chunks; 's3': an object of the configured bucket under its
-- key). A file is written before the version that names it (an upload
-- streams straight to storage, a chunk at a time, without holding a
-- connection or the file), so a file no version names is either an upload
-- in flight or one that failed: the cleanup job removes those older than a
-- day, and those released by a deleted version at once.

CREATE TABLE paper_files (
    key         text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{32}$'),
    storage     text NOT NULL CHECK (storage IN ('postgres', 's3')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- Set when the version that named it is deleted (its paper or item was
    -- removed): the cleanup job deletes the object from the bucket.
    released_at timestamptz
);
CREATE INDEX paper_files_loose_idx ON paper_files (created_at);

-- A file kept in PostgreSQL, as chunks of at most 1 MiB in order from 0.
-- Each chunk is one short statement to write or read, so neither an upload
-- nor a download holds a connection (or more than a chunk of memory) for
-- its length. The chunks are PDFs, Office files and images, compressed
-- already: EXTERNAL storage keeps them out of line without recompressing.
CREATE TABLE paper_chunks (
    file_key text NOT NULL REFERENCES paper_files (key) ON DELETE CASCADE,
    seq      integer NOT NULL CHECK (seq >= 0),
    data     bytea NOT NULL CHECK (length(data) BETWEEN 1 AND 1048576),
    PRIMARY KEY (file_key, seq)
);
ALTER TABLE paper_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE papers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id      bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    -- NULL: a paper of the meeting as a whole.
    item_id         bigint,
    position        integer NOT NULL CHECK (position > 0),
    title           text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    reference       text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9_./-]{0,59}$'),
    -- At least its item's (checked by the store); the reading rule takes
    -- the strictest of the paper's, its item's and the document's.
    classification  text NOT NULL CHECK (classification IN ('RED', 'AMBER', 'GREEN', 'CLEAR')),
    current_version integer NOT NULL DEFAULT 1 CHECK (current_version > 0),
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT papers_reference_key UNIQUE (meeting_id, reference),
    -- A paper sits in its item's meeting, and follows the item to another.
    CONSTRAINT papers_item_fkey FOREIGN KEY (item_id, meeting_id) REFERENCES agenda_items (id, meeting_id)
        ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX papers_meeting_idx ON papers (meeting_id, item_id, position);
CREATE INDEX papers_item_idx ON papers (item_id) WHERE item_id IS NOT NULL;

CREATE TABLE paper_versions (
    paper_id     bigint NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    number       integer NOT NULL CHECK (number > 0),
    filename     text NOT NULL CHECK (btrim(filename) <> '' AND length(filename) <= 200),
    content_type text NOT NULL CHECK (btrim(content_type) <> ''),
    size         bigint NOT NULL CHECK (size BETWEEN 1 AND 26214400),
    sha256       bytea NOT NULL CHECK (length(sha256) = 32),
    -- Versions of the same content may share a file (the large data set's
    -- archived papers do); a file goes when no version names it.
    file_key     text NOT NULL REFERENCES paper_files (key) ON DELETE RESTRICT,
    uploaded_by  bigint REFERENCES users (id) ON DELETE RESTRICT,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (paper_id, number)
);
CREATE INDEX paper_versions_file_idx ON paper_versions (file_key);

-- A deleted version gives its file up, unless another version names it: a
-- file in PostgreSQL goes with it, one in the bucket is left for the
-- cleanup job to delete.
CREATE FUNCTION paper_versions_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM paper_versions WHERE file_key = OLD.file_key) THEN
        RETURN NULL;
    END IF;
    DELETE FROM paper_files WHERE key = OLD.file_key AND storage = 'postgres';
    UPDATE paper_files SET released_at = now() WHERE key = OLD.file_key;
    RETURN NULL;
END $$;
CREATE TRIGGER paper_versions_release AFTER DELETE ON paper_versions
    FOR EACH ROW EXECUTE FUNCTION paper_versions_release();

-- Approved and published minutes hold their papers as they were.
CREATE FUNCTION papers_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM refuse_locked_minutes(OLD.meeting_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM refuse_locked_minutes(NEW.meeting_id); RETURN NEW; END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER papers_locked BEFORE INSERT OR UPDATE OR DELETE ON papers
    FOR EACH ROW EXECUTE FUNCTION papers_locked();

CREATE FUNCTION paper_versions_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refuse_locked_minutes((SELECT meeting_id FROM papers WHERE id = NEW.paper_id));
    RETURN NEW;
END $$;
CREATE TRIGGER paper_versions_locked BEFORE INSERT ON paper_versions
    FOR EACH ROW EXECUTE FUNCTION paper_versions_locked();

-- The agenda as it stands, for its revisions: what the agenda says of each
-- item (by id: number, title, purpose, presenter, time, classification) and
-- of each paper (reference, title, item, classification, current version).
-- The minutes written into the items later are not part of it.
CREATE FUNCTION agenda_snapshot(meeting bigint) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'items', coalesce((
            SELECT jsonb_object_agg(i.id::text, jsonb_build_object(
                'number', CASE WHEN i.parent_id IS NULL THEN i.position::text ELSE p.position || '.' || i.position END,
                'title', i.title, 'purpose', i.purpose, 'parent', i.parent_id,
                'presenter_person', i.presenter_person_id, 'presenter_organisation', i.presenter_organisation_id,
                'start', i.starts_at::text, 'duration', i.duration_minutes, 'classification', i.classification))
            FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id
            WHERE i.meeting_id = meeting), '{}'::jsonb),
        'papers', coalesce((
            SELECT jsonb_object_agg(x.id::text, jsonb_build_object(
                'reference', x.reference, 'title', x.title, 'item', x.item_id,
                'classification', x.classification, 'version', x.current_version))
            FROM papers x WHERE x.meeting_id = meeting), '{}'::jsonb))
$$;

-- What changed between two snapshots, in words the agenda page shows:
-- "item 7 added", "item 3 changed", "item 4 removed", "items renumbered",
-- "paper OPSG_107_05 added", "… replaced", "… changed", "… removed". Items
-- are named by number only (never a title), so the list reads the same to
-- every reader of the agenda, whatever they may read of the items.
CREATE FUNCTION agenda_changes(old jsonb, new jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    WITH n AS (SELECT key, value FROM jsonb_each(new -> 'items')),
         o AS (SELECT key, value FROM jsonb_each(old -> 'items')),
         np AS (SELECT key, value FROM jsonb_each(new -> 'papers')),
         op AS (SELECT key, value FROM jsonb_each(old -> 'papers')),
         c AS (
            SELECT 1 AS kind, string_to_array(n.value ->> 'number', '.')::int[] AS at, 'item ' || (n.value ->> 'number') || ' added' AS change
            FROM n WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.key = n.key)
            UNION ALL
            SELECT 2, string_to_array(n.value ->> 'number', '.')::int[], 'item ' || (n.value ->> 'number') || ' changed'
            FROM n JOIN o USING (key) WHERE (n.value - 'number') <> (o.value - 'number')
            UNION ALL
            SELECT 3, string_to_array(o.value ->> 'number', '.')::int[], 'item ' || (o.value ->> 'number') || ' removed'
            FROM o WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.key = o.key)
            UNION ALL
            SELECT 4, '{}', 'items renumbered'
            WHERE EXISTS (SELECT 1 FROM n JOIN o USING (key) WHERE n.value ->> 'number' <> o.value ->> 'number')
            UNION ALL
            SELECT 5, '{}', 'paper ' || (np.value ->> 'reference') || ' added'
            FROM np WHERE NOT EXISTS (SELECT 1 FROM op WHERE op.key = np.key)
            UNION ALL
            SELECT 6, '{}', 'paper ' || (np.value ->> 'reference') ||
                   CASE WHEN np.value -> 'version' <> op.value -> 'version' THEN ' replaced' ELSE ' changed' END
            FROM np JOIN op USING (key) WHERE np.value <> op.value
            UNION ALL
            SELECT 7, '{}', 'paper ' || (op.value ->> 'reference') || ' removed'
            FROM op WHERE NOT EXISTS (SELECT 1 FROM np WHERE np.key = op.key))
    SELECT coalesce(array_agg(change ORDER BY kind, at, change), '{}') FROM c
$$;

-- After a change to a published agenda, record its revision: the changes
-- since the latest revision and the agenda as it now stands. It runs at
-- commit (the triggers below are deferred), once per meeting and
-- transaction, so that a change of many rows (a move renumbers every
-- sibling) is one revision.
CREATE FUNCTION agenda_revise(meeting bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    seen text := 'minutebook.agenda_revised_' || meeting;
    rev integer;
    last jsonb;
    now_ jsonb;
BEGIN
    IF meeting IS NULL OR current_setting(seen, true) = txid_current()::text THEN
        RETURN;
    END IF;
    PERFORM set_config(seen, txid_current()::text, true);
    SELECT a.revision INTO rev FROM agendas a WHERE a.meeting_id = meeting AND a.status = 'published' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT r.snapshot INTO last FROM agenda_revisions r WHERE r.meeting_id = meeting AND r.revision = rev;
    now_ := agenda_snapshot(meeting);
    IF last = now_ THEN
        RETURN;
    END IF;
    INSERT INTO agenda_revisions (meeting_id, revision, changes, snapshot)
        VALUES (meeting, rev + 1, agenda_changes(last, now_), now_);
    UPDATE agendas SET revision = rev + 1 WHERE meeting_id = meeting;
END $$;

CREATE FUNCTION agenda_revise_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM agenda_revise(OLD.meeting_id); END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.meeting_id <> OLD.meeting_id) THEN
        PERFORM agenda_revise(NEW.meeting_id);
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER agenda_items_revise
    AFTER INSERT OR DELETE OR UPDATE OF meeting_id, parent_id, position, title, purpose, presenter_person_id,
        presenter_organisation_id, starts_at, duration_minutes, classification ON agenda_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_revise_row();
CREATE CONSTRAINT TRIGGER papers_revise
    AFTER INSERT OR DELETE OR UPDATE OF meeting_id, item_id, title, reference, classification, current_version ON papers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_revise_row();
