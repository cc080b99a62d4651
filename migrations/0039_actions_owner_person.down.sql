DROP INDEX actions_owner_person_idx;
