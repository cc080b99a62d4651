-- What the register and the escalations dashboard show, kept by the writes
-- that change it (issue 11), so that a view's cost does not grow with the
-- size of the register:
--
-- * each action's slippage (how many times its target was revised, and
--   the first target when it was raised without one) and its committee's
--   code, for the register's sorted pages and the chronic actions;
-- * action_summaries: the closed actions counted, with how many were
--   revised and the days they slipped, by the reading rule's facts
--   (migration 0011; RED rows by their meeting, so that a reader's RED
--   admissions are one look at the meetings they were recorded at) and by
--   owner: a view of the register sums the rows its reader may read. The
--   published CLEAR and GREEN ones are also summed over every committee
--   (access_committee 0): whoever may read them may read them in every
--   committee, so a view of the whole register sums 28 rows for them, not
--   one per committee. Open
--   actions, whose overdue count depends on the day, are counted from the
--   actions themselves, through an index of the open ones;
-- * each risk's trend: its latest twelve reviews, oldest first.
--
-- The *_now views define them from the rows; triggers keep them in the
-- statement of every write, and derived_drift lists anything that differs
-- (always nothing; the tests check it).

ALTER TABLE actions
    ADD COLUMN revisions integer NOT NULL DEFAULT 0 CHECK (revisions >= 0),
    ADD COLUMN first_revised_target date,
    ADD COLUMN committee_code text,
    -- Days from the first target to the current one.
    ADD COLUMN slip_days integer GENERATED ALWAYS AS (
        coalesce(coalesce(current_target_date, target_date) - coalesce(target_date, first_revised_target), 0)) STORED;

-- The slippage, from the register's events.
CREATE VIEW action_slippage_now AS
    SELECT a.id, count(e.id)::integer AS revisions,
           (array_agg(e.new_target ORDER BY e.at, e.id) FILTER (WHERE e.id IS NOT NULL))[1] AS first_revised_target
    FROM actions a
    LEFT JOIN action_events e ON e.action_id = a.id AND e.kind = 'revised'
    GROUP BY a.id;

CREATE FUNCTION action_slippage_fill(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE actions a SET revisions = v.revisions, first_revised_target = v.first_revised_target
    FROM action_slippage_now v
    WHERE v.id = a.id AND a.id IN (SELECT unnest(ids))
      AND (a.revisions, a.first_revised_target) IS DISTINCT FROM (v.revisions, v.first_revised_target)
$$;

-- An action carries its committee's code, for the register's order.
CREATE FUNCTION actions_committee_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.committee_code := (SELECT code FROM committees WHERE id = NEW.committee_id);
    RETURN NEW;
END $$;
CREATE TRIGGER actions_committee_code BEFORE INSERT OR UPDATE OF committee_id, committee_code ON actions
    FOR EACH ROW EXECUTE FUNCTION actions_committee_code();

-- The closed actions by the reading rule's facts and owner.
CREATE TABLE action_summaries (
    access_committee      bigint NOT NULL,
    access_stage          text NOT NULL,
    access_level          smallint NOT NULL,
    -- The meeting whose attendance admits, for RED rows (levels 4 and 5); 0 otherwise.
    red_meeting           bigint NOT NULL,
    owner_organisation_id bigint NOT NULL,
    closed                integer NOT NULL,
    revised               integer NOT NULL,
    slip_days             bigint NOT NULL,
    PRIMARY KEY (access_committee, access_stage, access_level, red_meeting, owner_organisation_id)
);

CREATE VIEW action_summaries_now AS
    SELECT access_committee, access_stage, access_level, red_meeting, owner_organisation_id,
           count(*)::integer AS closed, (count(*) FILTER (WHERE revisions > 0))::integer AS revised, sum(slip_days)::bigint AS slip_days
    FROM (
        SELECT access_committee, access_stage, access_level,
               CASE WHEN access_level >= 4 THEN coalesce(access_meeting, 0) ELSE 0 END AS red_meeting,
               owner_organisation_id, revisions, slip_days
        FROM actions WHERE status = 'closed' AND access_level IS NOT NULL
        UNION ALL
        SELECT 0, access_stage, access_level, 0, owner_organisation_id, revisions, slip_days
        FROM actions WHERE status = 'closed' AND access_stage = 'published' AND access_level <= 2
    ) a
    GROUP BY 1, 2, 3, 4, 5;

-- A change to the summaries: rows counted in or out.
CREATE TYPE action_summary_delta AS (
    access_committee bigint, access_stage text, access_level smallint, red_meeting bigint,
    owner_organisation_id bigint, closed integer, revised integer, slip_days bigint);

CREATE FUNCTION action_summaries_apply(deltas action_summary_delta[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO action_summaries AS s
    SELECT access_committee, access_stage, access_level, red_meeting, owner_organisation_id,
           sum(closed)::integer, sum(revised)::integer, sum(slip_days)::bigint
    FROM (
        SELECT * FROM unnest(deltas)
        UNION ALL
        -- The published CLEAR and GREEN ones summed over every committee too.
        SELECT 0, access_stage, access_level, 0, owner_organisation_id, closed, revised, slip_days
        FROM unnest(deltas) WHERE access_stage = 'published' AND access_level <= 2
    ) d
    WHERE access_level IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(closed) <> 0 OR sum(revised) <> 0 OR sum(slip_days) <> 0
    ON CONFLICT (access_committee, access_stage, access_level, red_meeting, owner_organisation_id) DO UPDATE
    SET closed = s.closed + excluded.closed, revised = s.revised + excluded.revised, slip_days = s.slip_days + excluded.slip_days;
    -- A row that counts nothing any more goes (a statement of its own: the
    -- insert's changes are not seen within it).
    DELETE FROM action_summaries s USING unnest(deltas) d
    WHERE s.closed = 0 AND (s.access_stage, s.access_level, s.owner_organisation_id) = (d.access_stage, d.access_level, d.owner_organisation_id)
      AND ((s.access_committee, s.red_meeting) = (d.access_committee, d.red_meeting) OR s.access_committee = 0);
$$;

-- The closed actions a statement wrote count in, those it changed or
-- removed count out as they were.
CREATE FUNCTION actions_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    out_rows action_summary_delta[] := '{}';
    in_rows  action_summary_delta[] := '{}';
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        out_rows := ARRAY(SELECT ROW(o.access_committee, o.access_stage, o.access_level,
                CASE WHEN o.access_level >= 4 THEN coalesce(o.access_meeting, 0) ELSE 0 END,
                o.owner_organisation_id, -1, -(o.revisions > 0)::integer, -o.slip_days)::action_summary_delta
            FROM old_rows o WHERE o.status = 'closed');
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        in_rows := ARRAY(SELECT ROW(n.access_committee, n.access_stage, n.access_level,
                CASE WHEN n.access_level >= 4 THEN coalesce(n.access_meeting, 0) ELSE 0 END,
                n.owner_organisation_id, 1, (n.revisions > 0)::integer, n.slip_days)::action_summary_delta
            FROM new_rows n WHERE n.status = 'closed');
    END IF;
    IF cardinality(out_rows) + cardinality(in_rows) > 0 THEN
        PERFORM action_summaries_apply(out_rows || in_rows);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER actions_summarise_insert AFTER INSERT ON actions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actions_summarise();
CREATE TRIGGER actions_summarise_update AFTER UPDATE ON actions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actions_summarise();
CREATE TRIGGER actions_summarise_delete AFTER DELETE ON actions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION actions_summarise();

-- A revision recorded, changed or removed moves its action's slippage.
CREATE FUNCTION action_events_slippage() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT action_id) INTO moved FROM new_rows WHERE kind = 'revised';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT action_id) INTO moved FROM old_rows WHERE kind = 'revised';
    ELSE
        SELECT array_agg(DISTINCT x.action_id) INTO moved FROM (
            SELECT n.action_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.action_id, n.kind, n.new_target, n.at) IS DISTINCT FROM (o.action_id, o.kind, o.new_target, o.at)
              AND 'revised' IN (n.kind, o.kind)
            UNION ALL
            SELECT o.action_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.action_id IS DISTINCT FROM o.action_id AND o.kind = 'revised') x;
    END IF;
    IF moved IS NOT NULL THEN
        PERFORM action_slippage_fill(moved);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER action_events_slippage_insert AFTER INSERT ON action_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_events_slippage();
CREATE TRIGGER action_events_slippage_update AFTER UPDATE ON action_events
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_events_slippage();
CREATE TRIGGER action_events_slippage_delete AFTER DELETE ON action_events
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_events_slippage();

-- Each risk's trend: its latest twelve reviews, oldest first, as the
-- dashboard draws them.
ALTER TABLE risks ADD COLUMN trend jsonb NOT NULL DEFAULT '[]';

CREATE VIEW risk_trend_now AS
    SELECT r.id, coalesce((
        SELECT jsonb_agg(jsonb_build_object('meeting', t.meeting_id, 'number', t.number, 'code', t.code, 'date', t.date,
                                            'likelihood', t.likelihood, 'impact', t.impact) ORDER BY t.date, t.number)
        FROM (SELECT v.meeting_id, m.number, c.code, m.date, v.likelihood, v.impact
              FROM risk_reviews v JOIN meetings m ON m.id = v.meeting_id JOIN committees c ON c.id = m.committee_id
              WHERE v.risk_id = r.id ORDER BY m.date DESC, m.number DESC LIMIT 12) t), '[]') AS trend
    FROM risks r;

CREATE FUNCTION risk_trend_fill(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    -- Each trend worked out once, then compared and written.
    WITH v AS MATERIALIZED (SELECT id, trend FROM risk_trend_now WHERE id IN (SELECT unnest(ids)))
    UPDATE risks r SET trend = v.trend FROM v WHERE v.id = r.id AND r.trend IS DISTINCT FROM v.trend
$$;

CREATE FUNCTION risk_reviews_trend() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT risk_id) INTO moved FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT risk_id) INTO moved FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT x.risk_id) INTO moved FROM (
            SELECT n.risk_id FROM new_rows n UNION ALL SELECT o.risk_id FROM old_rows o) x;
    END IF;
    IF moved IS NOT NULL THEN
        PERFORM risk_trend_fill(moved);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER risk_reviews_trend_insert AFTER INSERT ON risk_reviews
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION risk_reviews_trend();
CREATE TRIGGER risk_reviews_trend_update AFTER UPDATE ON risk_reviews
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION risk_reviews_trend();
CREATE TRIGGER risk_reviews_trend_delete AFTER DELETE ON risk_reviews
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION risk_reviews_trend();

-- A meeting renumbered or moved, and a committee's code changed, move the
-- trends that name them; a code changed moves its actions' code.
CREATE FUNCTION meetings_trend() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.number, n.date, n.committee_id) IS DISTINCT FROM (o.number, o.date, o.committee_id);
    IF moved IS NOT NULL THEN
        PERFORM risk_trend_fill(ARRAY(SELECT DISTINCT risk_id FROM risk_reviews WHERE meeting_id IN (SELECT unnest(moved))));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER meetings_trend AFTER UPDATE ON meetings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meetings_trend();

CREATE FUNCTION committees_code() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved bigint[];
BEGIN
    SELECT array_agg(n.id) INTO moved FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.code IS DISTINCT FROM o.code;
    IF moved IS NOT NULL THEN
        -- Writing the column has actions_committee_code set it afresh.
        UPDATE actions SET committee_code = NULL WHERE committee_id IN (SELECT unnest(moved));
        PERFORM risk_trend_fill(ARRAY(SELECT DISTINCT v.risk_id FROM risk_reviews v JOIN meetings m ON m.id = v.meeting_id
            WHERE m.committee_id IN (SELECT unnest(moved))));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER committees_code AFTER UPDATE ON committees
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION committees_code();

-- Fill everything from the current rows: the actions in one pass, then
-- the summaries from them whole.
UPDATE actions a SET committee_code = c.code, revisions = v.revisions, first_revised_target = v.first_revised_target
FROM committees c, action_slippage_now v WHERE c.id = a.committee_id AND v.id = a.id;
TRUNCATE action_summaries;
INSERT INTO action_summaries SELECT * FROM action_summaries_now;
SELECT risk_trend_fill(ARRAY(SELECT id FROM risks));
ALTER TABLE actions ALTER COLUMN committee_code SET NOT NULL;

-- What differs from its definition: nothing, always.
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

-- A view of the whole register reads the summaries summed over every
-- committee (access_committee 0) and the rest by committee: this index
-- holds the rest.
CREATE INDEX action_summaries_by_committee_idx ON action_summaries (access_stage, access_level, access_committee)
    WHERE NOT (access_stage = 'published' AND access_level <= 2);

-- The register's pages in each of its orders, with the rule's facts and
-- the filters' columns beside each entry, so that a page is read from the
-- index alone; and the open actions, which every view counts by the day.
CREATE INDEX actions_reference_order_idx ON actions (committee_code, meeting_number, sequence)
    INCLUDE (access_committee, access_meeting, access_stage, access_level, status, owner_organisation_id);
CREATE INDEX actions_target_order_idx ON actions (coalesce(current_target_date, target_date), committee_code, meeting_number, sequence)
    INCLUDE (access_committee, access_meeting, access_stage, access_level, status, owner_organisation_id);
CREATE INDEX actions_age_order_idx ON actions (raised_on, committee_code, meeting_number, sequence)
    INCLUDE (access_committee, access_meeting, access_stage, access_level, status, owner_organisation_id);
CREATE INDEX actions_open_idx ON actions (access_committee)
    INCLUDE (access_meeting, access_stage, access_level, owner_organisation_id, raised_on, current_target_date, target_date,
             revisions, slip_days, id, committee_code, meeting_number, sequence)
    WHERE status = 'open';
