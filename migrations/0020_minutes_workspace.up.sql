-- Issue 14: the minutes drafted on one page.

-- Where an item's own decisions and actions stand: before its sub-items
-- (the default for a new item) or after them, as the model document closes
-- item 5 after 5.3. Every item stored before now was rendered with them
-- after, so the column is added with that default (which rewrites no row,
-- and so trips none of the triggers that lock approved minutes) and only
-- then given the default for new items.
ALTER TABLE agenda_items ADD COLUMN placement text NOT NULL DEFAULT 'after'
    CHECK (placement IN ('before', 'after'));
ALTER TABLE agenda_items ALTER COLUMN placement SET DEFAULT 'before';

-- Part attendance by the items attended, so that it follows reorders and
-- renumbering. part_items stays for roll calls recorded as text before.
ALTER TABLE attendance ADD COLUMN part_item_ids bigint[] NOT NULL DEFAULT '{}';
ALTER TABLE attendance ADD CONSTRAINT attendance_part_item_ids_check CHECK (status = 'part' OR part_item_ids = '{}');

-- The items a committee takes at every meeting, offered to each new
-- meeting (and, later, to each agenda): those at the start ("Previous
-- Meeting Minutes", "Actions Outstanding") and those at the end ("Any
-- Other Business"), in order.
CREATE TABLE committee_standing_items (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    place        text NOT NULL CHECK (place IN ('start', 'end')),
    position     integer NOT NULL CHECK (position > 0),
    title        text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 300),
    CONSTRAINT committee_standing_items_position_key UNIQUE (committee_id, place, position)
);
