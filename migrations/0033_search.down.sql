ALTER TABLE agenda_items DROP COLUMN search;
ALTER TABLE decisions DROP COLUMN search;
ALTER TABLE actions DROP COLUMN search;
ALTER TABLE action_events DROP COLUMN search;
ALTER TABLE minutes_comments DROP COLUMN search;
ALTER TABLE risks DROP COLUMN search;
ALTER TABLE risk_reviews DROP COLUMN search;
