-- Person search at national scale (issue 6, Performance; decision 0022).
--
-- The name search of 0085 could not use its trigram index: under row-level security a query's own
-- conditions run after the policy's, and LIKE is not leakproof, so PostgreSQL never makes it an
-- index condition. The search read every person of the caller's delegation (tens of thousands at
-- national scale) and filtered them. Now a narrow definer function finds the candidates with the
-- index, inside the caller's own scope (read from the same settings as the policies), and answers
-- ids only; the list then reads those rows by primary key under the caller's row-level security
-- and re-checks every condition, so what it shows is unchanged.
--
-- One GIN index serves the three scopes that hold persons by a key of theirs: the delegation or the
-- region (btree_gin keys beside the trigrams, so the posting lists of the scope and of the words
-- intersect in the index) and the nation (trigrams alone). It replaces the national-only index.
-- btree_gin is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- The ASCII spelling of folded names for trigrams (as registry.trigram_key() of 0065 spells them:
-- each Arabic letter as two ASCII letters, Arabic-Indic digits as digits), written as one
-- expression of replace() calls: an index recheck costs microseconds a row, where the
-- character-by-character aggregate of trigram_key() costs a hundred or more. Each character is
-- spelt alone, so a word inside a folded name is inside its spelling too: the spelling finds a
-- superset of the names that contain the word, which the list re-checks exactly.
CREATE FUNCTION beneficiaries.search_spelling(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(value, 'ء', 'qa'), 'آ', 'qb'), 'أ', 'qc'), 'ؤ', 'qd'), 'إ', 'qe'), 'ئ', 'qf'), 'ا', 'qg'), 'ب', 'qh'), 'ة', 'qi'), 'ت', 'qj'), 'ث', 'qk'), 'ج', 'ql'), 'ح', 'qm'), 'خ', 'qn'), 'د', 'qo'), 'ذ', 'qp'), 'ر', 'qq'), 'ز', 'qr'), 'س', 'qs'), 'ش', 'qt'), 'ص', 'qu'), 'ض', 'qv'), 'ط', 'qw'), 'ظ', 'qx'), 'ع', 'qy'), 'غ', 'qz'), 'ػ', 'za'), 'ؼ', 'zb'), 'ؽ', 'zc'), 'ؾ', 'zd'), 'ؿ', 'ze'), 'ـ', 'zf'), 'ف', 'zg'), 'ق', 'zh'), 'ك', 'zi'), 'ل', 'zj'), 'م', 'zk'), 'ن', 'zl'), 'ه', 'zm'), 'و', 'zn'), 'ى', 'zo'), 'ي', 'zp'), '٠', '0'), '١', '1'), '٢', '2'), '٣', '3'), '٤', '4'), '٥', '5'), '٦', '6'), '٧', '7'), '٨', '8'), '٩', '9')
$$;

CREATE INDEX persons_search_scope_trgm_idx ON beneficiaries.persons
  USING gin (delegation_id, region_id, beneficiaries.search_spelling(name_key_ar || ' ' || name_key_lat) gin_trgm_ops)
  WHERE merged_into IS NULL;
DROP INDEX beneficiaries.persons_search_trgm_idx;

-- Live persons held in the caller's scope (nation, region or delegation) whose folded names contain
-- each of the words, as the list's trigram condition says it; a superset of what the list shows
-- (the list re-checks the exact folded keys). Other scopes, and no signed-in user, get nothing: the
-- list does not ask for them (an institution's or association's persons are found from its own rows).
CREATE FUNCTION beneficiaries.person_name_candidates(p_words text[]) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  level text := app.current_scope_level();
  scope_sql text;
  words_sql text := '';
  i int;
BEGIN
  IF app.current_user_id() IS NULL OR coalesce(array_length(p_words, 1), 0) = 0 THEN
    RETURN;
  END IF;
  scope_sql := CASE level
    WHEN 'nation' THEN 'TRUE'
    WHEN 'region' THEN 'p.region_id = app.setting_uuid(''app.region_id'')'
    WHEN 'delegation' THEN 'p.delegation_id = app.setting_uuid(''app.delegation_id'')'
  END;
  IF scope_sql IS NULL THEN
    RETURN;
  END IF;
  FOR i IN 1..array_length(p_words, 1) LOOP
    words_sql := words_sql || format(' AND beneficiaries.search_spelling(p.name_key_ar || '' '' || p.name_key_lat) LIKE ''%%'' || beneficiaries.search_spelling(app.fold_name($1[%s])) || ''%%''', i);
  END LOOP;
  -- Dynamic SQL: planned with this call's values (the scope key and the words' trigrams are index keys).
  RETURN QUERY EXECUTE 'SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND ' || scope_sql || words_sql USING p_words;
END $fn$;
REVOKE ALL ON FUNCTION beneficiaries.person_name_candidates(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.person_name_candidates(text[]) TO raaya_app;
