-- People's initials (issue 15), by which minutes refer to them ("JK to report
-- …"): kept from the minutes imported and from the roster, and used to read
-- the initials of later minutes of the same committee.
ALTER TABLE people ADD COLUMN initials text
    CHECK (initials IS NULL OR initials ~ '^[[:upper:]][[:alpha:]]{0,4}[[:upper:]]$');
CREATE INDEX people_initials_idx ON people (initials) WHERE initials IS NOT NULL;
