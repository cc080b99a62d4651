-- The chair's signature of approved minutes (issue 20): who signed which
-- stored version, when, and the SHA-256 of that version's canonical text.
-- A correction voids the signature until the corrected version is signed;
-- a signature is never deleted or rewritten, only voided once.
CREATE TABLE minutes_signatures (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id     bigint NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,
    version_number integer NOT NULL,
    signer_id      bigint REFERENCES people (id) ON DELETE RESTRICT,
    signer_name    text NOT NULL CHECK (btrim(signer_name) <> ''),
    signed_at      timestamptz NOT NULL,
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    voided_at      timestamptz,
    voided_reason  text,
    voided_by      text,
    FOREIGN KEY (meeting_id, version_number) REFERENCES minutes_versions (meeting_id, number),
    CHECK ((voided_at IS NULL) = (voided_reason IS NULL) AND (voided_at IS NULL) = (voided_by IS NULL))
);
-- At most one signature of a meeting's minutes stands at a time.
CREATE UNIQUE INDEX minutes_signatures_standing ON minutes_signatures (meeting_id) WHERE voided_at IS NULL;

CREATE FUNCTION minutes_signatures_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL AND
       (NEW.id, NEW.meeting_id, NEW.version_number, NEW.signer_id, NEW.signer_name, NEW.signed_at, NEW.sha256)
       IS NOT DISTINCT FROM
       (OLD.id, OLD.meeting_id, OLD.version_number, OLD.signer_id, OLD.signer_name, OLD.signed_at, OLD.sha256) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'signatures are kept as signed: only voiding a standing signature is allowed'
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER minutes_signatures_immutable BEFORE UPDATE OR DELETE ON minutes_signatures
    FOR EACH ROW EXECUTE FUNCTION minutes_signatures_immutable();
CREATE TRIGGER minutes_signatures_no_truncate BEFORE TRUNCATE ON minutes_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION minutes_versions_immutable();

-- Signing and voiding change what approved minutes show ("Signed by …"):
-- they count in the committee's minutes epoch (0013), so that a kept
-- rendering of the minutes is not served again.
CREATE TRIGGER minutes_signatures_epoch_insert AFTER INSERT ON minutes_signatures REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION minutes_epoch_bump();
CREATE TRIGGER minutes_signatures_epoch_update AFTER UPDATE ON minutes_signatures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION minutes_epoch_bump();
