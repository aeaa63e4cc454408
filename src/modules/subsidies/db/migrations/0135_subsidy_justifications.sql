-- Justification of a tranche's spending (issue 8 §4, decision 0028). The association prepares a
-- justification as a draft (so that its statement documents have an owner to be uploaded to), adds
-- lines — each one a payment of the ledger of an institution the convention covers, or an uploaded
-- statement — and submits it; the delegation reviews it: justified (everything presented is
-- accepted), partly justified (an amount, with a reason) or rejected (with a reason). What stays
-- unjustified (paid − justified) is carried over: it remains owed on that tranche, is shown on the
-- convention's later tranches, and a new justification may be submitted for it.
-- Every rule below is the database's, whoever writes: refusals raise RA409 with their message key.

-- A draft comes before the submission. submitted_on holds the day the draft was started, then the
-- day it was submitted (the submission sets it).
ALTER TABLE subsidies.justifications DROP CONSTRAINT justifications_state_check;
ALTER TABLE subsidies.justifications ADD CONSTRAINT justifications_state_check
  CHECK (state IN ('draft', 'submitted', 'justified', 'partly_justified', 'rejected'));
ALTER TABLE subsidies.justifications ALTER COLUMN state SET DEFAULT 'draft';
ALTER TABLE subsidies.justifications DROP CONSTRAINT justifications_review_complete;
ALTER TABLE subsidies.justifications ADD CONSTRAINT justifications_review_complete
  CHECK ((state IN ('draft', 'submitted')) = (reviewed_on IS NULL) AND (state IN ('draft', 'submitted')) = (accepted_mad IS NULL));
ALTER TABLE subsidies.justifications ADD CONSTRAINT justifications_reason_given
  CHECK (review_reason IS NULL OR length(btrim(review_reason)) >= 5);
-- One justification in preparation or under review per tranche at a time.
CREATE UNIQUE INDEX justifications_one_open ON subsidies.justifications (tranche_id) WHERE state IN ('draft', 'submitted');
-- The review queue of a scope, newest first.
CREATE INDEX justifications_queue_idx ON subsidies.justifications (state, created_at DESC, id);
-- The tranches money left for, newest planned date first (the "to justify" list, keyset).
CREATE INDEX tranches_disbursed_idx ON subsidies.tranches (planned_on DESC, id) WHERE status IN ('released', 'paid');
CREATE INDEX justifications_association_idx ON subsidies.justifications (association_id, created_at DESC, id);

-- A ledger entry is presented once, unless the justification it was in was rejected (the trigger
-- below checks it under a lock on the entry): the unconditional unique index would keep a rejected
-- payment out of every later justification.
DROP INDEX subsidies.justification_lines_entry_once;
CREATE INDEX justification_lines_entry_idx ON subsidies.justification_lines (finance_entry_id) WHERE finance_entry_id IS NOT NULL;
CREATE INDEX justification_lines_justification_idx ON subsidies.justification_lines (justification_id, spent_on, id);

-- The sum of a justification's lines (one definition for the rules and the screens).
CREATE FUNCTION subsidies.presented_mad(p_justification uuid) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(l.amount_mad), 0) FROM subsidies.justification_lines l WHERE l.justification_id = p_justification
$$;
GRANT EXECUTE ON FUNCTION subsidies.presented_mad(uuid) TO raaya_app;

CREATE FUNCTION subsidies.check_justification() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t subsidies.tranches;
  presented numeric;
  already numeric;
BEGIN
  SELECT * INTO t FROM subsidies.tranches WHERE id = NEW.tranche_id;
  IF TG_OP = 'INSERT' THEN
    -- Only money that left Entraide Nationale is justified.
    IF t.status NOT IN ('released', 'paid') OR subsidies.paid_mad(t.id) = 0 THEN
      RAISE EXCEPTION 'tranche % has nothing paid to justify', t.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_nothing_paid';
    END IF;
    -- The application always starts with a draft; the owner may load reviewed history (demo data).
    IF NEW.state <> 'draft' AND current_user = 'raaya_app' THEN
      RAISE EXCEPTION 'a justification starts as a draft' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_state';
    END IF;
    IF NEW.state = 'draft' AND subsidies.justified_mad(t.id) >= subsidies.paid_mad(t.id) THEN
      RAISE EXCEPTION 'tranche % is fully justified', t.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_complete';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.tranche_id <> OLD.tranche_id THEN
    RAISE EXCEPTION 'a justification stays on its tranche' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_state';
  END IF;
  IF NEW.state = OLD.state THEN
    IF OLD.state IN ('justified', 'partly_justified', 'rejected') AND (NEW.accepted_mad IS DISTINCT FROM OLD.accepted_mad OR NEW.review_reason IS DISTINCT FROM OLD.review_reason) THEN
      RAISE EXCEPTION 'a review is final' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_state';
    END IF;
    RETURN NEW;
  END IF;
  presented := subsidies.presented_mad(NEW.id);
  IF OLD.state = 'draft' AND NEW.state = 'submitted' THEN
    IF presented = 0 THEN
      RAISE EXCEPTION 'justification % has no line', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_empty';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.state = 'submitted' AND NEW.state IN ('justified', 'partly_justified', 'rejected') THEN
    IF NEW.state = 'justified' AND NEW.accepted_mad <> presented THEN
      RAISE EXCEPTION 'justified accepts what was presented' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.accepted_not_presented';
    END IF;
    IF NEW.state = 'partly_justified' AND (NEW.accepted_mad <= 0 OR NEW.accepted_mad >= presented) THEN
      RAISE EXCEPTION 'partly justified accepts less than presented' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.accepted_partial_range';
    END IF;
    IF NEW.state = 'rejected' AND NEW.accepted_mad <> 0 THEN
      RAISE EXCEPTION 'a rejection accepts nothing' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_state';
    END IF;
    -- Never more justified than paid: the rest of the presented spending does not count twice.
    SELECT coalesce(sum(j.accepted_mad), 0) INTO already FROM subsidies.justifications j
    WHERE j.tranche_id = NEW.tranche_id AND j.id <> NEW.id AND j.state IN ('justified', 'partly_justified');
    IF already + NEW.accepted_mad > subsidies.paid_mad(NEW.tranche_id) THEN
      RAISE EXCEPTION 'accepted more than paid' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.accepted_over_paid';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'justification % cannot go from % to %', NEW.id, OLD.state, NEW.state
    USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_state';
END $$;
-- Runs after the scope keys are filled (trigger names sort: "justifications_fill_keys" < "justifications_rules").
CREATE TRIGGER justifications_rules BEFORE INSERT OR UPDATE ON subsidies.justifications
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_justification();

CREATE FUNCTION subsidies.refuse_justification_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'justifications are kept' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_state';
END $$;
CREATE TRIGGER justifications_kept BEFORE DELETE ON subsidies.justifications
  FOR EACH ROW EXECUTE FUNCTION subsidies.refuse_justification_delete();

-- A line: only on a draft; its institution is covered by the tranche's convention; a ledger entry
-- is a payment (not a reversal, not reversed) of that institution, presented for at most its
-- amount and in no other justification still standing; a statement is a document of this
-- justification.
CREATE FUNCTION subsidies.check_justification_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  j subsidies.justifications;
  e finance.entries;
  r subsidies.justification_lines := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  SELECT * INTO j FROM subsidies.justifications WHERE id = r.justification_id;
  -- The application edits drafts only; the owner may load the lines of reviewed history (demo data).
  IF j.state <> 'draft' AND (current_user = 'raaya_app' OR TG_OP <> 'INSERT') THEN
    RAISE EXCEPTION 'justification % is no longer a draft', j.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_not_draft';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'lines are removed and added again, not edited' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.justification_not_draft';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM subsidies.convention_institutions ci JOIN subsidies.tranches t ON t.convention_id = ci.convention_id
                 WHERE t.id = j.tranche_id AND ci.institution_id = NEW.institution_id) THEN
    RAISE EXCEPTION 'institution % is not covered by the convention', NEW.institution_id
      USING ERRCODE = 'RA409', HINT = 'subsidies.errors.line_institution_not_covered';
  END IF;
  IF NEW.finance_entry_id IS NOT NULL THEN
    -- Two drafts taking the same payment at the same moment: the second waits and then sees the first.
    PERFORM pg_advisory_xact_lock(hashtextextended('subsidies.justification_entry:' || NEW.finance_entry_id::text, 0));
    SELECT * INTO e FROM finance.entries WHERE id = NEW.finance_entry_id;
    IF e.id IS NULL OR e.institution_id <> NEW.institution_id OR e.direction <> 'payment' OR e.reverses_id IS NOT NULL
       OR EXISTS (SELECT 1 FROM finance.entries x WHERE x.reverses_id = e.id) THEN
      RAISE EXCEPTION 'entry % is not a standing payment of the institution', NEW.finance_entry_id
        USING ERRCODE = 'RA409', HINT = 'subsidies.errors.line_entry_not_payment';
    END IF;
    IF NEW.amount_mad > e.amount_mad THEN
      RAISE EXCEPTION 'line over its entry' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.line_over_entry';
    END IF;
    IF EXISTS (SELECT 1 FROM subsidies.justification_lines l JOIN subsidies.justifications o ON o.id = l.justification_id
               WHERE l.finance_entry_id = NEW.finance_entry_id AND o.state <> 'rejected') THEN
      RAISE EXCEPTION 'entry % is already presented', NEW.finance_entry_id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.line_entry_used';
    END IF;
  END IF;
  IF NEW.document_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM documents.documents d WHERE d.id = NEW.document_id AND d.owner_type = 'subsidy_justification' AND d.owner_id = j.id) THEN
    RAISE EXCEPTION 'document % is not a statement of this justification', NEW.document_id
      USING ERRCODE = 'RA409', HINT = 'subsidies.errors.line_document_foreign';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER justification_lines_rules BEFORE INSERT OR UPDATE OR DELETE ON subsidies.justification_lines
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_justification_line();

-- The submission dates and signs the draft.
GRANT UPDATE (submitted_on, submitted_by) ON subsidies.justifications TO raaya_app;
