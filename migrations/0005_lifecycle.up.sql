-- The minutes lifecycle: versions of the attendance, approval, corrections,
-- immutable snapshots of each transition, members' comments on circulated
-- drafts, and the lock that keeps approved minutes from changing.

-- Attendance is saved as a whole; its own version keeps two people from
-- overwriting each other's roll call without touching the meeting's header.
ALTER TABLE meetings ADD COLUMN attendance_version integer NOT NULL DEFAULT 1 CHECK (attendance_version > 0);

-- Approval names the later meeting of the same committee that approved the
-- minutes, and the decision recorded there ("The OPSG APPROVED the minutes
-- from OPSG 103 as final"), which therefore cannot be deleted.
ALTER TABLE meetings ADD COLUMN approved_meeting_id bigint REFERENCES meetings (id) ON DELETE RESTRICT;
ALTER TABLE meetings ADD COLUMN approval_decision_id bigint
    CONSTRAINT meetings_approval_decision_fkey REFERENCES decisions (id) ON DELETE RESTRICT;
ALTER TABLE meetings ADD CONSTRAINT meetings_approved_later CHECK (approved_meeting_id IS NULL OR approved_meeting_id <> id);

-- A correction after approval: while correction_reason is set the secretariat
-- may change the approved minutes; finishing it stores a new version with the
-- reason and locks them again.
ALTER TABLE meetings ADD COLUMN correction_reason text CHECK (correction_reason IS NULL OR btrim(correction_reason) <> '');

-- One immutable snapshot per transition: who, when, and the whole structured
-- minutes as they stood.
CREATE TABLE minutes_versions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,
    number     integer NOT NULL CHECK (number > 0),
    kind       text NOT NULL CHECK (kind IN ('circulated', 'approved', 'published', 'correction')),
    status     text NOT NULL CHECK (status IN ('circulated', 'approved', 'published')),
    reason     text NOT NULL DEFAULT '',
    snapshot   jsonb NOT NULL,
    actor_id   bigint REFERENCES users (id) ON DELETE RESTRICT,
    actor_name text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT minutes_versions_number_key UNIQUE (meeting_id, number),
    CHECK (kind <> 'correction' OR btrim(reason) <> '')
);

CREATE FUNCTION minutes_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'minutes versions are immutable: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER minutes_versions_immutable BEFORE UPDATE OR DELETE ON minutes_versions
    FOR EACH ROW EXECUTE FUNCTION minutes_versions_immutable();
CREATE TRIGGER minutes_versions_no_truncate BEFORE TRUNCATE ON minutes_versions
    FOR EACH STATEMENT EXECUTE FUNCTION minutes_versions_immutable();

-- Members' comments on an item of a circulated draft, resolved by the secretariat.
CREATE TABLE minutes_comments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id  bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    item_id     bigint REFERENCES agenda_items (id) ON DELETE SET NULL,
    author_id   bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    body        text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 5000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by bigint REFERENCES users (id) ON DELETE RESTRICT,
    resolution  text NOT NULL DEFAULT '',
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE INDEX minutes_comments_meeting_idx ON minutes_comments (meeting_id, created_at);

-- Approved and published minutes do not change, whatever writes to the
-- database, unless a correction is open.
CREATE FUNCTION minutes_locked(meeting bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT minutes_status IN ('approved', 'published') AND correction_reason IS NULL
                     FROM meetings WHERE id = meeting), false)
$$;

CREATE FUNCTION refuse_locked_minutes(meeting bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF minutes_locked(meeting) THEN
        RAISE EXCEPTION 'the minutes of meeting % are approved and cannot change except through a correction', meeting
            USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_locked';
    END IF;
END $$;

CREATE FUNCTION agenda_items_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM refuse_locked_minutes(OLD.meeting_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM refuse_locked_minutes(NEW.meeting_id); RETURN NEW; END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER agenda_items_locked BEFORE INSERT OR UPDATE OR DELETE ON agenda_items
    FOR EACH ROW EXECUTE FUNCTION agenda_items_locked();

CREATE FUNCTION decisions_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM refuse_locked_minutes((SELECT meeting_id FROM agenda_items WHERE id = OLD.item_id));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM refuse_locked_minutes((SELECT meeting_id FROM agenda_items WHERE id = NEW.item_id));
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER decisions_locked BEFORE INSERT OR UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION decisions_locked();

CREATE FUNCTION attendance_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM refuse_locked_minutes(OLD.meeting_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM refuse_locked_minutes(NEW.meeting_id); RETURN NEW; END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER attendance_locked BEFORE INSERT OR UPDATE OR DELETE ON attendance
    FOR EACH ROW EXECUTE FUNCTION attendance_locked();

-- An action's words as the raising minutes record them are locked with those
-- minutes; its life in the register (status, revised targets, closure) is not.
CREATE FUNCTION actions_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refuse_locked_minutes(NEW.raised_meeting_id);
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM refuse_locked_minutes(OLD.raised_meeting_id);
        RETURN OLD;
    END IF;
    IF (NEW.text, NEW.owner_organisation_id, NEW.owner_person_id, NEW.target_date, NEW.item_id, NEW.raised_meeting_id)
       IS DISTINCT FROM
       (OLD.text, OLD.owner_organisation_id, OLD.owner_person_id, OLD.target_date, OLD.item_id, OLD.raised_meeting_id) THEN
        PERFORM refuse_locked_minutes(OLD.raised_meeting_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER actions_locked BEFORE INSERT OR UPDATE OR DELETE ON actions
    FOR EACH ROW EXECUTE FUNCTION actions_locked();

-- The header of approved minutes is locked too, and the lifecycle only moves
-- forward: approved minutes never return to draft.
CREATE FUNCTION meetings_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.minutes_status IN ('approved', 'published') THEN
        IF NEW.minutes_status IN ('draft', 'circulated') THEN
            RAISE EXCEPTION 'approved minutes cannot return to %', NEW.minutes_status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_locked';
        END IF;
        IF OLD.correction_reason IS NULL AND NEW.correction_reason IS NULL AND
           (NEW.number, NEW.kind, NEW.date, NEW.starts_at, NEW.ends_at, NEW.venue, NEW.classification, NEW.committee_id)
           IS DISTINCT FROM
           (OLD.number, OLD.kind, OLD.date, OLD.starts_at, OLD.ends_at, OLD.venue, OLD.classification, OLD.committee_id) THEN
            RAISE EXCEPTION 'the minutes of meeting % are approved and cannot change except through a correction', OLD.id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_locked';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER meetings_locked BEFORE UPDATE ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_locked();
