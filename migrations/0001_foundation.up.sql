-- The foundation: organisations, people, committees with their categories,
-- vocabularies and severity bands, memberships, and meetings.

CREATE TABLE organisations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE people (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    email           text CHECK (email IS NULL OR email LIKE '%_@_%'),
    organisation_id bigint REFERENCES organisations (id) ON DELETE RESTRICT,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_email_key ON people (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX people_organisation_idx ON people (organisation_id);

CREATE TABLE committees (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                 text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9]{1,11}$'),
    name                 text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    description          text NOT NULL DEFAULT '',
    parent_id            bigint REFERENCES committees (id) ON DELETE RESTRICT,
    secretariat_id       bigint REFERENCES organisations (id) ON DELETE RESTRICT,
    decision_vocabulary  text[] NOT NULL DEFAULT ARRAY['NOTED', 'AGREED', 'APPROVED']
                         CHECK (cardinality(decision_vocabulary) > 0),
    escalation_threshold integer NOT NULL DEFAULT 15 CHECK (escalation_threshold BETWEEN 1 AND 25),
    version              integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX committees_parent_idx ON committees (parent_id);

-- A parent chain must never loop: a committee cannot sit beneath itself.
CREATE FUNCTION committees_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NULL THEN
        RETURN NEW;
    END IF;
    IF EXISTS (
        WITH RECURSIVE up(id, parent_id) AS (
            SELECT id, parent_id FROM committees WHERE id = NEW.parent_id
            UNION ALL
            SELECT c.id, c.parent_id FROM committees c JOIN up ON c.id = up.parent_id
        )
        SELECT 1 FROM up WHERE id = NEW.id
    ) THEN
        RAISE EXCEPTION 'committee % cannot sit beneath its own sub-committee', NEW.code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'committees_no_cycle';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER committees_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON committees
    FOR EACH ROW EXECUTE FUNCTION committees_no_cycle();

-- Membership categories in their order: "Operations Group Chair", "Network Parties", …
CREATE TABLE committee_categories (
    committee_id bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position > 0),
    name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    PRIMARY KEY (committee_id, position),
    UNIQUE (committee_id, name)
);

-- Severity bands label ranges of likelihood × impact (1–25).
CREATE TABLE severity_bands (
    committee_id bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (btrim(name) <> ''),
    min_severity integer NOT NULL CHECK (min_severity BETWEEN 1 AND 25),
    max_severity integer NOT NULL CHECK (max_severity BETWEEN 1 AND 25),
    PRIMARY KEY (committee_id, name),
    CHECK (min_severity <= max_severity)
);

CREATE TABLE committee_memberships (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id    bigint NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
    person_id       bigint NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    role            text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'chair', 'secretariat')),
    category        text,
    alternate_for   bigint REFERENCES people (id) ON DELETE RESTRICT,
    starts_on       date NOT NULL,
    ends_on         date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CHECK (alternate_for IS NULL OR alternate_for <> person_id),
    FOREIGN KEY (committee_id, category) REFERENCES committee_categories (committee_id, name)
        ON UPDATE CASCADE ON DELETE RESTRICT
);
CREATE INDEX committee_memberships_committee_idx ON committee_memberships (committee_id);
CREATE INDEX committee_memberships_person_idx ON committee_memberships (person_id);

CREATE TABLE meetings (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id   bigint NOT NULL REFERENCES committees (id) ON DELETE RESTRICT,
    number         integer NOT NULL CHECK (number > 0),
    kind           text NOT NULL CHECK (kind IN ('main', 'reporting', 'extraordinary')),
    date           date NOT NULL,
    starts_at      time,
    ends_at        time,
    venue          text NOT NULL DEFAULT '' CHECK (length(venue) <= 200),
    reference      text NOT NULL CHECK (btrim(reference) <> ''),
    classification text NOT NULL DEFAULT 'AMBER' CHECK (classification IN ('RED', 'AMBER', 'GREEN', 'CLEAR')),
    minutes_status text NOT NULL DEFAULT 'draft' CHECK (minutes_status IN ('draft', 'circulated', 'approved', 'published')),
    version        integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT meetings_committee_number_key UNIQUE (committee_id, number),
    CONSTRAINT meetings_reference_key UNIQUE (reference),
    CHECK (ends_at IS NULL OR (starts_at IS NOT NULL AND ends_at > starts_at))
);
CREATE INDEX meetings_committee_date_idx ON meetings (committee_id, date DESC, number DESC);
