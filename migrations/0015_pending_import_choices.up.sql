-- What the person checking an upload chose beside their corrections of
-- what was read (issue 15): whether its actions are renumbered to the
-- meeting, and which side effects of saving it ([{"kind": "person", "key":
-- "Adam Rawling"}, …]) are left out.
ALTER TABLE pending_imports
    ADD COLUMN renumber boolean NOT NULL DEFAULT false,
    ADD COLUMN skip jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(skip) = 'array');
