-- derived_drift as 0012 defined it.
DROP VIEW derived_drift;
CREATE VIEW derived_drift AS
    SELECT 'action slippage' AS what, a.id::text AS key FROM actions a JOIN action_slippage_now v ON v.id = a.id
        WHERE (a.revisions, a.first_revised_target) IS DISTINCT FROM (v.revisions, v.first_revised_target)
    UNION ALL
    SELECT 'action committee code', a.id::text FROM actions a JOIN committees c ON c.id = a.committee_id WHERE a.committee_code <> c.code
    UNION ALL
    SELECT 'action summaries', concat_ws('/', coalesce(s.access_committee, n.access_committee), coalesce(s.access_stage, n.access_stage),
            coalesce(s.access_level, n.access_level), coalesce(s.red_meeting, n.red_meeting), coalesce(s.owner_organisation_id, n.owner_organisation_id))
        FROM action_summaries s FULL JOIN action_summaries_now n
          ON (n.access_committee, n.access_stage, n.access_level, n.red_meeting, n.owner_organisation_id)
           = (s.access_committee, s.access_stage, s.access_level, s.red_meeting, s.owner_organisation_id)
        WHERE (s.closed, s.revised, s.slip_days) IS DISTINCT FROM (n.closed, n.revised, n.slip_days)
    UNION ALL
    SELECT 'risk trend', r.id::text FROM risks r JOIN risk_trend_now v ON v.id = r.id WHERE r.trend IS DISTINCT FROM v.trend;
DROP TRIGGER risk_escalations_committee ON risk_escalations;
DROP FUNCTION risk_escalations_committee();
DROP INDEX risk_escalations_open_from_idx;
ALTER TABLE risk_escalations DROP COLUMN committee_id;
