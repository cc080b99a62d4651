-- A queued message is composed again for its recipient before each attempt
-- to send it (the reading rule at sending time); one that tells what they
-- may no longer read is withdrawn, not sent.
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('kept', 'queued', 'sent', 'failed', 'withdrawn'));
