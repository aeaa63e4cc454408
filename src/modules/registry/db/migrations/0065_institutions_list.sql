-- Institutions part of the registry (decision 0012): indexes for every list filter and sort that
-- 0051 did not cover, and the seat limits of the monitoring and control committee (law 65-15 art. 25).

-- Filters of the list not indexed by 0051 (area, mode, sex served, commune), the "recently
-- updated" sort, and the Arabic-name keyset within the common scopes.
CREATE INDEX institutions_area_idx ON registry.institutions (area, name_fr, id);
CREATE INDEX institutions_mode_idx ON registry.institutions (mode, name_fr, id);
CREATE INDEX institutions_sex_served_idx ON registry.institutions (sex_served, name_fr, id);
CREATE INDEX institutions_commune_idx ON registry.institutions (commune_id, name_fr, id);
CREATE INDEX institutions_updated_idx ON registry.institutions (updated_at, id);
CREATE INDEX institutions_delegation_ar_idx ON registry.institutions (delegation_id, name_ar, id);
CREATE INDEX institutions_region_ar_idx ON registry.institutions (region_id, name_ar, id);
CREATE INDEX institutions_delegation_capacity_idx ON registry.institutions (delegation_id, capacity_total, id);

-- Art. 25: the committee has one chair (the founder's representative) and at most two
-- representatives each of the staff, the beneficiaries and the families. Only sitting members
-- count (no end date, or an end date still ahead). Concurrent additions to one committee are
-- ordered by a transaction lock on the institution, so two at once cannot both take the last seat.
CREATE FUNCTION registry.committee_seat_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seat_limit int := CASE NEW.seat WHEN 'founder_chair' THEN 1 WHEN 'staff_representative' THEN 2
    WHEN 'beneficiary_representative' THEN 2 WHEN 'family_representative' THEN 2 END;
  sitting int;
BEGIN
  IF seat_limit IS NULL OR (NEW.until IS NOT NULL AND NEW.until <= current_date) THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('registry.committee:' || NEW.institution_id::text, 0));
  SELECT count(*) INTO sitting FROM registry.committee_members m
  WHERE m.institution_id = NEW.institution_id AND m.seat = NEW.seat AND m.id <> NEW.id
    AND (m.until IS NULL OR m.until > current_date);
  IF sitting >= seat_limit THEN
    RAISE EXCEPTION 'committee seat % is full (% allowed)', NEW.seat, seat_limit
      USING ERRCODE = '23514', TABLE = 'committee_members', SCHEMA = 'registry',
        CONSTRAINT = CASE WHEN NEW.seat = 'founder_chair' THEN 'committee_members_one_chair' ELSE 'committee_members_seat_limit' END;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER committee_members_seat_limit BEFORE INSERT OR UPDATE OF seat, until, institution_id ON registry.committee_members
  FOR EACH ROW EXECUTE FUNCTION registry.committee_seat_limit();

-- Name search in Arabic through the trigram index. The database runs under the C locale, where
-- pg_trgm sees only ASCII letters and digits as word characters: Arabic names give no trigram at
-- all, so a LIKE on the folded Arabic key cannot use an index. trigram_key() spells each Arabic
-- letter as two ASCII letters ('q' or 'z' and a letter; Arabic-Indic digits as digits), so the
-- folded names of both scripts index as trigrams. The spelling may collide with Latin text, which
-- is why the list always re-checks the exact folded key (search_key) as well.
CREATE FUNCTION registry.trigram_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(string_agg(CASE
      WHEN c BETWEEN 'ء' AND 'ي' THEN
        CASE WHEN ascii(c) < 1595 THEN 'q' || chr(97 + ascii(c) - 1569) ELSE 'z' || chr(97 + ascii(c) - 1595) END
      WHEN c BETWEEN '٠' AND '٩' THEN chr(48 + ascii(c) - 1632)
      ELSE c END, '' ORDER BY n), '')
  FROM unnest(string_to_array(value, NULL)) WITH ORDINALITY AS t(c, n)
$$;
ALTER TABLE registry.institutions
  ADD COLUMN search_trgm text GENERATED ALWAYS AS (registry.trigram_key(app.fold_name(name_ar || ' ' || name_fr))) STORED;
CREATE INDEX institutions_search_trgm_ascii_idx ON registry.institutions USING gin (search_trgm gin_trgm_ops);

-- search_trgm is derived from the names (already in the log): kept out of the audit entries, so
-- the record's history shows the names that changed, not their spelling for the index.
DROP TRIGGER institutions_audit ON registry.institutions;
CREATE TRIGGER institutions_audit AFTER INSERT OR UPDATE OR DELETE ON registry.institutions
  FOR EACH ROW EXECUTE FUNCTION audit.capture('self:institution_id', 'search_trgm');
