DROP TABLE committee_standing_items;
ALTER TABLE attendance DROP CONSTRAINT attendance_part_item_ids_check;
ALTER TABLE attendance DROP COLUMN part_item_ids;
ALTER TABLE agenda_items DROP COLUMN placement;
