-- Who appears in the audit log, by committee (issue 13): the audit page's
-- "Changed by" filter offers a committee's secretariat only the people who
-- changed that committee's records, and an administrator only the people who
-- changed anything. Kept by the statement that writes each audit record;
-- committee_id is NULL for a change that belongs to no committee.
CREATE TABLE audit_actors (
    committee_id bigint REFERENCES committees (id) ON DELETE CASCADE,
    actor_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX audit_actors_committee_key ON audit_actors (committee_id, actor_id) WHERE committee_id IS NOT NULL;
CREATE UNIQUE INDEX audit_actors_none_key ON audit_actors (actor_id) WHERE committee_id IS NULL;

INSERT INTO audit_actors (committee_id, actor_id)
SELECT DISTINCT committee_id, actor_id FROM audit_log WHERE actor_id IS NOT NULL;
