DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['agenda_items', 'decisions', 'risks'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_search_epoch_insert', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_search_epoch_update', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_search_epoch_delete', t);
    END LOOP;
END $$;
DROP FUNCTION search_epoch_bump();
