DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agenda_items', 'decisions', 'actions', 'action_events', 'minutes_comments', 'risks', 'risk_reviews'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_mentions_insert', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_mentions_update', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_mentions_delete', t);
    END LOOP;
END
$$;
DROP FUNCTION mentions_fill();
DROP FUNCTION mentions_keep();
DROP TABLE mentions;
DROP FUNCTION reference_matches(text);
DROP FUNCTION reference_scan(text, text);
DROP FUNCTION reference_rough(text);
DROP FUNCTION reference_every(text);
DROP FUNCTION reference_installation();
DROP FUNCTION reference_normal(text);
DROP FUNCTION committee_reference_pattern();
DROP TABLE reference_patterns;
