-- The formal record of a decision (issue 20): how the committee voted on it,
-- and the interests members declared in the items they took it in.

-- A decision's vote: counts for, against and abstaining, or a named vote
-- whose ballots (vote_ballots) the counts are kept from on write; and the
-- chair's casting vote where the votes were tied and the committee's rules
-- give the chair one.
CREATE TABLE decision_votes (
    decision_id  bigint PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
    named        boolean NOT NULL DEFAULT false,
    votes_for    integer NOT NULL CHECK (votes_for >= 0),
    votes_against integer NOT NULL CHECK (votes_against >= 0),
    abstentions  integer NOT NULL CHECK (abstentions >= 0),
    casting_vote text CHECK (casting_vote IN ('for', 'against')),
    version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (votes_for + votes_against + abstentions > 0),
    CONSTRAINT decision_votes_casting_tied CHECK (casting_vote IS NULL OR votes_for = votes_against)
);

-- One ballot of a named vote: the member whose vote it is, and who cast it
-- (the member, or an alternate or proxy voting for them). A member's vote
-- is counted once.
CREATE TABLE vote_ballots (
    decision_id bigint NOT NULL REFERENCES decision_votes (decision_id) ON DELETE CASCADE,
    member_id   bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    voter_id    bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    choice      text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    position    integer NOT NULL CHECK (position > 0),
    PRIMARY KEY (decision_id, member_id)
);

-- An interest declared in an item: who, its nature, and whether they took
-- part, stayed for the discussion but did not vote, or left the room.
CREATE TABLE declarations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id    bigint NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    person_id  bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    nature     text NOT NULL CHECK (btrim(nature) <> '' AND length(nature) <= 2000),
    effect     text NOT NULL CHECK (effect IN ('took_part', 'did_not_vote', 'left_room')),
    position   integer NOT NULL CHECK (position > 0),
    version    integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT declarations_once_per_item UNIQUE (item_id, person_id)
);

-- Votes and declarations are part of the minutes: locked with them.
CREATE FUNCTION decision_votes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM refuse_locked_minutes((SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = OLD.decision_id));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM refuse_locked_minutes((SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = NEW.decision_id));
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER decision_votes_locked BEFORE INSERT OR UPDATE OR DELETE ON decision_votes
    FOR EACH ROW EXECUTE FUNCTION decision_votes_locked();
CREATE TRIGGER vote_ballots_locked BEFORE INSERT OR UPDATE OR DELETE ON vote_ballots
    FOR EACH ROW EXECUTE FUNCTION decision_votes_locked();

-- A declaration belongs to its item as a decision does: the same check.
CREATE TRIGGER declarations_locked BEFORE INSERT OR UPDATE OR DELETE ON declarations
    FOR EACH ROW EXECUTE FUNCTION decisions_locked();
