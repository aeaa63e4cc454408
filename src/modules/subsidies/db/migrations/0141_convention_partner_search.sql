-- The convention list's partner filter (issue 8 §6) by name, in either script: the partner's names
-- folded (app.fold_name) and spelled in ASCII for the trigram index (registry.trigram_key, as the
-- institutions' search does: the C locale makes no trigram of Arabic letters). The index finds the
-- candidates; the folded key confirms them.
ALTER TABLE subsidies.convention_partners
  ADD COLUMN search_key text GENERATED ALWAYS AS (app.fold_name(name_ar || ' ' || name_fr)) STORED,
  ADD COLUMN search_trgm text GENERATED ALWAYS AS (registry.trigram_key(app.fold_name(name_ar || ' ' || name_fr))) STORED;
CREATE INDEX convention_partners_search_idx ON subsidies.convention_partners USING gin (search_trgm gin_trgm_ops);
