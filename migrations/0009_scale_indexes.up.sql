-- Indexes that the load benchmark (cmd/mbload) and EXPLAIN at the large
-- scale demo showed missing; the README's "Performance" section says why
-- each is here.

-- Which meetings was a reader recorded present at? Every page that opens
-- minutes asks (RED minutes are for those present), as does the register.
-- The partial index answers from the index alone: 2.2 ms → 0.1 ms for a
-- member with 15 years of meetings.
CREATE INDEX attendance_recorded_idx ON attendance (person_id, meeting_id)
    WHERE status IN ('present', 'part');

-- The actions outstanding table looks for actions ever reopened; without
-- this the query read every action event (a parallel sequential scan of
-- 280,000 rows, 45 ms per meeting page).
CREATE INDEX action_events_reopened_idx ON action_events (action_id)
    WHERE kind = 'reopened';
