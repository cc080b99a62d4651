-- A committee's formal rules (issue 20), set by an administrator: its
-- quorum, whether its chair has a casting vote, who signs its approved
-- minutes, and the classification of its register of interests; and the
-- standing declarations that register holds.

-- The quorum: none, a number of voting members, or a share (per cent) of
-- its voting seats; with quorum_chair, the chair or a deputy (an alternate
-- for the chair) must be among them.
ALTER TABLE committees
    ADD COLUMN quorum_kind text NOT NULL DEFAULT 'none' CHECK (quorum_kind IN ('none', 'members', 'share')),
    ADD COLUMN quorum_members integer CHECK (quorum_members BETWEEN 1 AND 1000),
    ADD COLUMN quorum_share integer CHECK (quorum_share BETWEEN 1 AND 100),
    ADD COLUMN quorum_chair boolean NOT NULL DEFAULT false,
    ADD COLUMN casting_vote boolean NOT NULL DEFAULT false,
    -- Who signs approved minutes; NULL: the committee's chair.
    ADD COLUMN signatory_id bigint REFERENCES people (id) ON DELETE SET NULL,
    ADD COLUMN interests_classification text NOT NULL DEFAULT 'AMBER'
        CHECK (interests_classification IN ('RED', 'AMBER', 'GREEN', 'CLEAR')),
    ADD CONSTRAINT committees_quorum_rule CHECK (
        (quorum_kind = 'members') = (quorum_members IS NOT NULL) AND
        (quorum_kind = 'share') = (quorum_share IS NOT NULL));

-- A standing declaration: an interest a member of the committee holds for a
-- period, whatever the agenda.
CREATE TABLE standing_interests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    person_id    bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    nature       text NOT NULL CHECK (btrim(nature) <> '' AND length(nature) <= 2000),
    starts_on    date NOT NULL,
    ends_on      date CHECK (ends_on IS NULL OR ends_on >= starts_on),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX standing_interests_committee_idx ON standing_interests (committee_id, person_id);

-- The quorum of approved minutes is judged from the seats held on the
-- meeting's day: a change of seats counts in the committee's minutes epoch
-- (0013), so that a kept rendering of its minutes is not served again.
CREATE FUNCTION committee_memberships_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE committees SET minutes_epoch = minutes_epoch + 1 WHERE id IN (SELECT committee_id FROM new_rows);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE committees SET minutes_epoch = minutes_epoch + 1 WHERE id IN (SELECT committee_id FROM old_rows);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER committee_memberships_epoch_insert AFTER INSERT ON committee_memberships REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION committee_memberships_epoch();
CREATE TRIGGER committee_memberships_epoch_update AFTER UPDATE ON committee_memberships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION committee_memberships_epoch();
CREATE TRIGGER committee_memberships_epoch_delete AFTER DELETE ON committee_memberships REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION committee_memberships_epoch();
