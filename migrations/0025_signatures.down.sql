DROP TABLE minutes_signatures;
DROP FUNCTION minutes_signatures_immutable();
