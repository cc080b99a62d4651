DROP TRIGGER committee_memberships_epoch_insert ON committee_memberships;
DROP TRIGGER committee_memberships_epoch_update ON committee_memberships;
DROP TRIGGER committee_memberships_epoch_delete ON committee_memberships;
DROP FUNCTION committee_memberships_epoch();
DROP TABLE standing_interests;
ALTER TABLE committees
    DROP CONSTRAINT committees_quorum_rule,
    DROP COLUMN interests_classification,
    DROP COLUMN signatory_id,
    DROP COLUMN casting_vote,
    DROP COLUMN quorum_chair,
    DROP COLUMN quorum_share,
    DROP COLUMN quorum_members,
    DROP COLUMN quorum_kind;
