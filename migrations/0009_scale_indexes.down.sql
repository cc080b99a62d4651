DROP INDEX IF EXISTS action_events_reopened_idx;
DROP INDEX IF EXISTS attendance_recorded_idx;
