-- The home page lists the reader's own open actions: those they own, or
-- their organisation does (issue 18). The organisation's have an index
-- (actions_owner_idx); a person's had none, so that the OR of the two read
-- every open action of the reader's committees. With both, PostgreSQL
-- reads the two indexes and only the rows they name.
CREATE INDEX actions_owner_person_idx ON actions (owner_person_id, status) WHERE owner_person_id IS NOT NULL;
