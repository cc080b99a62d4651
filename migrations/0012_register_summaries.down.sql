DROP INDEX IF EXISTS actions_open_idx;
DROP INDEX IF EXISTS actions_age_order_idx;
DROP INDEX IF EXISTS actions_target_order_idx;
DROP INDEX IF EXISTS actions_reference_order_idx;
DROP INDEX IF EXISTS action_summaries_by_committee_idx;
DROP VIEW IF EXISTS derived_drift;

DROP TRIGGER IF EXISTS committees_code ON committees;
DROP FUNCTION IF EXISTS committees_code();
DROP TRIGGER IF EXISTS meetings_trend ON meetings;
DROP FUNCTION IF EXISTS meetings_trend();
DROP TRIGGER IF EXISTS risk_reviews_trend_delete ON risk_reviews;
DROP TRIGGER IF EXISTS risk_reviews_trend_update ON risk_reviews;
DROP TRIGGER IF EXISTS risk_reviews_trend_insert ON risk_reviews;
DROP FUNCTION IF EXISTS risk_reviews_trend();
DROP FUNCTION IF EXISTS risk_trend_fill(bigint[]);
DROP VIEW IF EXISTS risk_trend_now;
ALTER TABLE risks DROP COLUMN IF EXISTS trend;

DROP TRIGGER IF EXISTS action_events_slippage_delete ON action_events;
DROP TRIGGER IF EXISTS action_events_slippage_update ON action_events;
DROP TRIGGER IF EXISTS action_events_slippage_insert ON action_events;
DROP FUNCTION IF EXISTS action_events_slippage();
DROP TRIGGER IF EXISTS actions_summarise_delete ON actions;
DROP TRIGGER IF EXISTS actions_summarise_update ON actions;
DROP TRIGGER IF EXISTS actions_summarise_insert ON actions;
DROP FUNCTION IF EXISTS actions_summarise();
DROP FUNCTION IF EXISTS action_summaries_apply(action_summary_delta[]);
DROP TYPE IF EXISTS action_summary_delta;
DROP VIEW IF EXISTS action_summaries_now;
DROP TABLE IF EXISTS action_summaries;

DROP TRIGGER IF EXISTS actions_committee_code ON actions;
DROP FUNCTION IF EXISTS actions_committee_code();
DROP FUNCTION IF EXISTS action_slippage_fill(bigint[]);
DROP VIEW IF EXISTS action_slippage_now;
ALTER TABLE actions DROP COLUMN slip_days, DROP COLUMN committee_code, DROP COLUMN first_revised_target, DROP COLUMN revisions;
