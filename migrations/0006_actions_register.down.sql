DROP INDEX action_events_revised_idx;
DROP INDEX actions_raised_on_idx;
DROP TABLE calendar_tokens;
