DROP TABLE action_events;
DROP TABLE actions;
ALTER TABLE meetings DROP COLUMN last_action_sequence;
DROP TABLE decisions;
DROP TABLE agenda_items;
