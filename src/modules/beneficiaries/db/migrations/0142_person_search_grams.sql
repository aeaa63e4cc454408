-- Person search at national scale, second step (issue 6, Performance; decision 0031).
--
-- The scoped trigram index of 0106 put the scope's key beside pg_trgm's trigrams, so a delegation's
-- search intersected the delegation's posting list (60,000 persons in Agadir) with national
-- posting lists of its words' trigrams (hundreds of thousands of persons for "ali"): at 3,000,000
-- persons, 10–15 ms of reading lists for one common family name. And pg_trgm makes no trigram of
-- Arabic letters in the C locale, so 0106 spelt each as two ASCII letters, whose trigrams select
-- little ("qg" is ا, and most Arabic letters start with q).
--
-- Now each person's index keys are the trigrams of the words of its folded names, as they are
-- (Arabic or Latin letters, Unicode), each written three times: prefixed with its delegation, with
-- its region, and bare for the nation. A delegation's search asks for the keys of its own prefix:
-- posting lists one delegation long. The index is a plain GIN on text[] (array_ops): no extension,
-- no locale, and containment is exact, so nothing is re-checked on the row.
--
-- The prefix is the first 8 hexadecimal digits of the scope's uuid: two scopes sharing them would
-- only add candidates, and the function keeps the scope's condition on the row too.

-- The keys of a person's folded names (words separated by spaces, as app.fold_name() leaves them).
-- plpgsql with one loop: a set-based SQL version (unnest, generate_series) cost six times as much
-- a row, which the index build over every person pays.
CREATE FUNCTION beneficiaries.name_search_keys(p_delegation uuid, p_region uuid, p_names text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  delegation_prefix text := 'd' || left(p_delegation::text, 8);
  region_prefix text := 'r' || left(p_region::text, 8);
  keys text[] := '{}';
  gram text;
BEGIN
  FOR i IN 1..coalesce(length(p_names), 0) - 2 LOOP
    gram := substr(p_names, i, 3);
    IF strpos(gram, ' ') = 0 THEN
      keys := keys || ARRAY[delegation_prefix || gram, region_prefix || gram, 'n' || gram];
    END IF;
  END LOOP;
  RETURN keys;
END $$;

-- Built before the old index is dropped: the search keeps an index while this one is built.
CREATE INDEX persons_name_keys_idx ON beneficiaries.persons
  USING gin (beneficiaries.name_search_keys(delegation_id, region_id, name_key_ar || ' ' || name_key_lat))
  WHERE merged_into IS NULL;
DROP INDEX beneficiaries.persons_search_scope_trgm_idx;
DROP FUNCTION beneficiaries.search_spelling(text);

-- The folded names are never NULL (folded from coalesced parts); said to the database, the list
-- orders by them as they are, and the scope's name-ordered indexes serve its order: a delegation's
-- first page reads fifty index entries, not its 60,000 persons to sort them.
ALTER TABLE beneficiaries.persons ALTER COLUMN name_key_ar SET NOT NULL, ALTER COLUMN name_key_lat SET NOT NULL;

-- Every scope that holds persons by a key of its own has its persons in name order in both scripts
-- (a region's Arabic list sorted its 250,000 persons for each page; the nation's, 3,000,000). A
-- delegation's and a region's carry the other script's name and the merge mark too, so that reading
-- the scope in name order and testing the words (the window of the search below) reads the index
-- alone, not a heap page a row. The nation's (a system administrator's list) are kept plain.
DROP INDEX beneficiaries.persons_delegation_idx;
CREATE INDEX persons_delegation_idx ON beneficiaries.persons (delegation_id, name_key_lat, id) INCLUDE (name_key_ar, merged_into);
DROP INDEX beneficiaries.persons_delegation_ar_idx;
CREATE INDEX persons_delegation_ar_idx ON beneficiaries.persons (delegation_id, name_key_ar, id) INCLUDE (name_key_lat, merged_into);
DROP INDEX beneficiaries.persons_region_idx;
CREATE INDEX persons_region_idx ON beneficiaries.persons (region_id, name_key_lat, id) INCLUDE (name_key_ar, merged_into);
CREATE INDEX persons_region_ar_idx ON beneficiaries.persons (region_id, name_key_ar, id) INCLUDE (name_key_lat, merged_into);
CREATE INDEX persons_name_lat_idx ON beneficiaries.persons (name_key_lat, id) WHERE merged_into IS NULL;
CREATE INDEX persons_name_ar_idx ON beneficiaries.persons (name_key_ar, id) WHERE merged_into IS NULL;

-- As in 0106: ids of live persons held in the caller's scope (nation, region or delegation) whose
-- folded names contain each of the words; other scopes, and no signed-in user, get nothing. A word
-- of fewer than three letters gives no key: it narrows nothing in the index.
--
-- Without an order (p_order NULL), a superset of what the list shows (the list re-checks the exact
-- folded keys and its other filters). With an order ('ar' or 'lat'), the page itself: the words'
-- exact conditions, the list's order (folded name in that script, then id), its cursor and limit;
-- the list asks for a page only when the words are its only filter, and then, in these scopes,
-- its rows are exactly these. A common family name matches thousands of a delegation's persons
-- and the list needs fifty: the scope's first rows in name order (an index range) hold them, and
-- reading a window of them costs less than fetching every row the name's keys point to. A rarer
-- name fills no page in the window; its keys' rows are then few, and read and sorted.
DROP FUNCTION beneficiaries.person_name_candidates(text[]);
CREATE FUNCTION beneficiaries.person_name_candidates(p_words text[], p_order text DEFAULT NULL,
  p_after_key text DEFAULT NULL, p_after_id uuid DEFAULT NULL, p_limit int DEFAULT NULL,
  -- Rows of the scope read in name order before turning to the name's keys (decision 0031).
  p_window int DEFAULT 2000) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  level text := app.current_scope_level();
  -- The scope as an index condition, and as a condition on the row only (IS NOT DISTINCT FROM is
  -- no index condition): with the name's keys, which hold the scope already, a second index over
  -- the whole scope would only be read and intersected for nothing.
  scope_indexed text;
  scope_on_row text;
  prefix text;
  wanted text[] := '{}';
  folded_words text[] := '{}';
  folded text;
  sort_column text;
  keys_sql text := '';
  words_sql text := '';
  after_sql text := '';
  seen int;
  found uuid[];
BEGIN
  IF app.current_user_id() IS NULL OR coalesce(array_length(p_words, 1), 0) = 0 THEN
    RETURN;
  END IF;
  CASE level
    WHEN 'nation' THEN
      scope_indexed := 'TRUE';
      scope_on_row := 'TRUE';
      prefix := 'n';
    WHEN 'region' THEN
      scope_indexed := 'p.region_id = app.setting_uuid(''app.region_id'')';
      scope_on_row := 'p.region_id IS NOT DISTINCT FROM app.setting_uuid(''app.region_id'')';
      prefix := 'r' || left(app.setting_uuid('app.region_id')::text, 8);
    WHEN 'delegation' THEN
      scope_indexed := 'p.delegation_id = app.setting_uuid(''app.delegation_id'')';
      scope_on_row := 'p.delegation_id IS NOT DISTINCT FROM app.setting_uuid(''app.delegation_id'')';
      prefix := 'd' || left(app.setting_uuid('app.delegation_id')::text, 8);
    ELSE
      RETURN;
  END CASE;
  IF prefix IS NULL THEN
    RETURN;
  END IF;
  FOREACH folded IN ARRAY p_words LOOP
    folded := coalesce(app.fold_name(folded), '');
    folded_words := folded_words || folded;
    FOR i IN 1..length(folded) - 2 LOOP
      IF strpos(substr(folded, i, 3), ' ') = 0 THEN
        wanted := wanted || (prefix || substr(folded, i, 3));
      END IF;
    END LOOP;
  END LOOP;
  IF cardinality(wanted) > 0 THEN
    keys_sql := ' AND beneficiaries.name_search_keys(p.delegation_id, p.region_id, p.name_key_ar || '' '' || p.name_key_lat) @> $1';
  ELSE
    scope_on_row := scope_indexed;
  END IF;

  IF p_order IS NULL THEN
    -- Dynamic SQL: planned with this call's values (how common the keys are decides the plan).
    RETURN QUERY EXECUTE 'SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND ' || scope_on_row || keys_sql
      USING wanted;
    RETURN;
  END IF;

  sort_column := CASE p_order WHEN 'ar' THEN 'p.name_key_ar' WHEN 'lat' THEN 'p.name_key_lat' END;
  IF sort_column IS NULL OR p_limit IS NULL THEN
    RAISE EXCEPTION 'person_name_candidates: a page needs an order (ar or lat) and a limit';
  END IF;
  FOR i IN 1..cardinality(folded_words) LOOP
    words_sql := words_sql || format(' AND (p.name_key_ar || '' '' || p.name_key_lat) LIKE ''%%'' || $2[%s] || ''%%''', i);
  END LOOP;
  IF p_after_id IS NOT NULL THEN
    after_sql := format(' AND (%s, p.id) > ($3, $4)', sort_column);
  END IF;
  -- The window: the scope's first rows in this order (one of its name-ordered indexes).
  EXECUTE format('SELECT count(*), coalesce(array_agg(w.id ORDER BY w.k, w.id) FILTER (WHERE w.matches), ''{}'') FROM ('
    || 'SELECT p.id, %1$s AS k, (TRUE %2$s) AS matches FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND %3$s %4$s'
    || ' ORDER BY %1$s, p.id LIMIT %5$s) w', sort_column, words_sql, scope_indexed, after_sql, p_window)
    INTO seen, found USING wanted, folded_words, coalesce(p_after_key, ''), p_after_id;
  -- A full page, or the whole rest of the scope: exactly the list's next rows.
  IF cardinality(found) >= p_limit OR seen < p_window THEN
    RETURN QUERY SELECT unnest(found[1:p_limit]);
    RETURN;
  END IF;
  RETURN QUERY EXECUTE 'SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND ' || scope_on_row || keys_sql
    || words_sql || after_sql || format(' ORDER BY %s, p.id LIMIT $5', sort_column)
    USING wanted, folded_words, coalesce(p_after_key, ''), p_after_id, p_limit;
END $fn$;
REVOKE ALL ON FUNCTION beneficiaries.person_name_candidates(text[], text, text, uuid, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.person_name_candidates(text[], text, text, uuid, int, int) TO raaya_app;
