DROP TRIGGER IF EXISTS minutes_comments_access_update ON minutes_comments;
DROP TRIGGER IF EXISTS minutes_comments_access_insert ON minutes_comments;
DROP TRIGGER IF EXISTS action_events_access_update ON action_events;
DROP TRIGGER IF EXISTS action_events_access_insert ON action_events;
DROP TRIGGER IF EXISTS actions_access_update ON actions;
DROP TRIGGER IF EXISTS actions_access_insert ON actions;
DROP TRIGGER IF EXISTS decisions_access_update ON decisions;
DROP TRIGGER IF EXISTS decisions_access_insert ON decisions;
DROP FUNCTION IF EXISTS records_access();
DROP TRIGGER IF EXISTS agenda_items_access_update ON agenda_items;
DROP TRIGGER IF EXISTS agenda_items_access_insert ON agenda_items;
DROP FUNCTION IF EXISTS agenda_items_access();
DROP TRIGGER IF EXISTS meetings_access ON meetings;
DROP FUNCTION IF EXISTS meetings_access();

DROP TRIGGER decisions_locked ON decisions;
CREATE TRIGGER decisions_locked BEFORE INSERT OR UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION decisions_locked();
DROP TRIGGER agenda_items_locked ON agenda_items;
CREATE TRIGGER agenda_items_locked BEFORE INSERT OR UPDATE OR DELETE ON agenda_items
    FOR EACH ROW EXECUTE FUNCTION agenda_items_locked();

DROP FUNCTION IF EXISTS access_fill(text, bigint[]);
DROP VIEW IF EXISTS access_drift;
DROP VIEW IF EXISTS comment_access;
DROP VIEW IF EXISTS action_event_access;
DROP VIEW IF EXISTS action_access;
DROP VIEW IF EXISTS decision_access;
DROP VIEW IF EXISTS item_access;

ALTER TABLE minutes_comments DROP COLUMN access_committee, DROP COLUMN access_meeting, DROP COLUMN access_stage, DROP COLUMN access_level;
ALTER TABLE action_events DROP COLUMN access_committee, DROP COLUMN access_meeting, DROP COLUMN access_stage, DROP COLUMN access_level;
ALTER TABLE actions DROP COLUMN access_committee, DROP COLUMN access_meeting, DROP COLUMN access_stage, DROP COLUMN access_level;
ALTER TABLE decisions DROP COLUMN access_committee, DROP COLUMN access_meeting, DROP COLUMN access_stage, DROP COLUMN access_level;
ALTER TABLE agenda_items DROP COLUMN access_committee, DROP COLUMN access_meeting, DROP COLUMN access_stage, DROP COLUMN access_level;

DROP FUNCTION IF EXISTS access_level(text, text, text);
DROP FUNCTION IF EXISTS classification_level(text);
