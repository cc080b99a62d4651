DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['meetings', 'actions', 'action_events', 'minutes_comments', 'risk_reviews', 'attendance',
                             'committee_categories'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_epoch_insert', t);
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_epoch_update', t);
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_epoch_delete', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['people', 'organisations'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_epoch_update', t);
    END LOOP;
END $$;
DROP FUNCTION IF EXISTS minutes_epoch_bump();
DROP TRIGGER IF EXISTS committees_epoch ON committees;
DROP FUNCTION IF EXISTS committees_epoch();
ALTER TABLE committees DROP COLUMN minutes_epoch;
