DROP TABLE risk_escalations;
DROP TABLE risk_reviews;
DROP TABLE risk_actions;
DROP TABLE risks;
ALTER TABLE committees DROP COLUMN last_risk_number;
