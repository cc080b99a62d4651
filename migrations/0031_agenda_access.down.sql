DROP VIEW paper_facts;
DROP VIEW agenda_item_facts;
DROP VIEW agenda_facts;
DROP FUNCTION access_within(smallint, text);
DROP FUNCTION agenda_stage(text, text);
