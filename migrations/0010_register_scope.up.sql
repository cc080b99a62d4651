-- Indexes for the actions register's scope, decided in SQL per request
-- (internal/postgres/action_scope.go): which items with actions are
-- classified on their own or beneath a classified item. Without them each
-- view read all 312,000 agenda items of the large data set (twice) to find
-- the 20,000 classified ones and their sub-items.
CREATE INDEX agenda_items_classified_idx ON agenda_items (id) INCLUDE (meeting_id, parent_id, classification)
    WHERE classification IS NOT NULL;
CREATE INDEX agenda_items_parent_idx ON agenda_items (parent_id) INCLUDE (id, meeting_id, classification)
    WHERE parent_id IS NOT NULL;
