DROP INDEX IF EXISTS agenda_items_parent_idx;
DROP INDEX IF EXISTS agenda_items_classified_idx;
