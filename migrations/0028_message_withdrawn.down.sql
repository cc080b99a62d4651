UPDATE messages SET status = 'failed', failed_at = now() WHERE status = 'withdrawn';
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('kept', 'queued', 'sent', 'failed'));
