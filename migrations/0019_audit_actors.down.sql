DROP TABLE audit_actors;
