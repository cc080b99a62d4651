-- Each escalation keeps the committee that escalated it (its risk's), so
-- that a parent body's dashboard finds the open escalations from the
-- committees beneath it on an index of the escalations alone, and joins
-- only those to their risks, instead of reading every risk of those
-- committees to find the escalated few.
--
-- A risk never moves between committees; the trigger sets the column from
-- the risk on every insert or change of risk, so that the store's insert
-- and the scale loader's COPY, which both give it, cannot disagree with it.
ALTER TABLE risk_escalations ADD COLUMN committee_id bigint REFERENCES committees (id) ON DELETE RESTRICT;

UPDATE risk_escalations e SET committee_id = r.committee_id FROM risks r WHERE r.id = e.risk_id;

ALTER TABLE risk_escalations ALTER COLUMN committee_id SET NOT NULL;

CREATE INDEX risk_escalations_open_from_idx ON risk_escalations (committee_id) WHERE withdrawn_at IS NULL;

CREATE FUNCTION risk_escalations_committee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT r.committee_id INTO NEW.committee_id FROM risks r WHERE r.id = NEW.risk_id;
    RETURN NEW;
END $$;

CREATE TRIGGER risk_escalations_committee BEFORE INSERT OR UPDATE OF risk_id, committee_id ON risk_escalations
    FOR EACH ROW EXECUTE FUNCTION risk_escalations_committee();

-- derived_drift (0012) names an escalation whose committee is not its risk's.
CREATE OR REPLACE VIEW derived_drift AS
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
    SELECT 'risk trend', r.id::text FROM risks r JOIN risk_trend_now v ON v.id = r.id WHERE r.trend IS DISTINCT FROM v.trend
    UNION ALL
    SELECT 'escalation committee', e.id::text FROM risk_escalations e JOIN risks r ON r.id = e.risk_id WHERE e.committee_id <> r.committee_id;
