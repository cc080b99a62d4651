DROP TABLE meetings;
DROP TABLE committee_memberships;
DROP TABLE severity_bands;
DROP TABLE committee_categories;
DROP TRIGGER committees_no_cycle ON committees;
DROP FUNCTION committees_no_cycle();
DROP TABLE committees;
DROP TABLE people;
DROP TABLE organisations;
