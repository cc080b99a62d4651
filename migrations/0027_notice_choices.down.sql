DROP TABLE notice_keys;
DROP TABLE digests;
ALTER TABLE committees DROP COLUMN reminder_days;
DROP TABLE notice_preferences;
