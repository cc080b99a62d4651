DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE api_tokens;
DROP TABLE sign_in_failures;
DROP TABLE sessions;
DROP TABLE users;
