DROP INDEX IF EXISTS people_initials_idx;
ALTER TABLE people DROP COLUMN IF EXISTS initials;
