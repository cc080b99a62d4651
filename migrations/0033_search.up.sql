-- Full-text search (issue 17): every searchable record carries its
-- document vector, a stored generated column that PostgreSQL computes in
-- the statement of every write (insert, update, COPY), English stemming,
-- and a GIN index over it. Titles weigh more than the text beneath them.

ALTER TABLE agenda_items ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', minute), 'B')) STORED;
ALTER TABLE decisions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', kind), 'A') || setweight(to_tsvector('english', text), 'B')) STORED;
ALTER TABLE actions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', text), 'B')) STORED;
ALTER TABLE action_events ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', note), 'C')) STORED;
ALTER TABLE minutes_comments ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', body), 'C')) STORED;
ALTER TABLE risks ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', reference || ' ' || statement), 'A') || setweight(to_tsvector('english', mitigations), 'B')) STORED;
ALTER TABLE risk_reviews ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', comment), 'C')) STORED;

CREATE INDEX agenda_items_search_idx ON agenda_items USING gin (search);
CREATE INDEX decisions_search_idx ON decisions USING gin (search);
CREATE INDEX actions_search_idx ON actions USING gin (search);
CREATE INDEX action_events_search_idx ON action_events USING gin (search);
CREATE INDEX minutes_comments_search_idx ON minutes_comments USING gin (search);
CREATE INDEX risks_search_idx ON risks USING gin (search);
CREATE INDEX risk_reviews_search_idx ON risk_reviews USING gin (search);
