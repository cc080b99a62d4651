ALTER TABLE meetings DROP COLUMN comments_due;
DROP TABLE notices;
DROP TABLE messages;
DROP TABLE notice_events;
