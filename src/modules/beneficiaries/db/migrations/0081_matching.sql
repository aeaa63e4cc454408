-- National duplicate detection across Arabic and Latin scripts (issue 6 item 3; decision 0017).
--
-- The embedded PostgreSQL runs in the C locale, where pg_trgm makes no trigrams of Arabic letters.
-- So every name gets an ASCII consonant skeleton (beneficiaries.name_skeleton, the twin of
-- server/matching/skeleton.ts, tested to agree) on which "محمد بن علي" and "Mohamed Benali" are
-- equal; persons store the key "first last" per script, and btree indexes on the whole key, on
-- the last name and on the first name (each with the birth date) make the blocking look-ups
-- equality scans. Candidates are scored by levenshtein (fuzzystrmatch) on the skeleton parts,
-- birth date or year, sex, parents' names, birth place, phone and identifiers.

CREATE EXTENSION IF NOT EXISTS fuzzystrmatch SCHEMA public;

CREATE FUNCTION beneficiaries.name_skeleton(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  folded text;
  words text[];
  joined text := '';
  word text;
  i int;
  n int;
BEGIN
  folded := translate(regexp_replace(lower(value), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
    'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ',
    'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuy');
  folded := replace(replace(replace(replace(folded, 'œ', 'oe'), 'æ', 'ae'), 'Œ', 'oe'), 'Æ', 'ae');
  -- Compound names written as one word are split where the article starts ("عبدالرحيم", "نورالدين").
  folded := replace(replace(folded, 'عبدال', 'عبد ال'), 'الدين', ' الدين');
  words := array_remove(regexp_split_to_array(folded, '[^a-z\u0621-\u06FF]+'), '');
  n := coalesce(array_length(words, 1), 0);
  FOR i IN 1..n LOOP
    word := words[i];
    -- A leading article (Arabic ال, Latin "el"/"al" written apart) and an ال assimilated to a
    -- sun letter inside the name ("عبد الرحيم" ~ "Abderrahim") are not part of the skeleton.
    IF i = 1 AND n > 1 AND word IN ('el', 'al', 'ال') THEN
      CONTINUE;
    END IF;
    -- A word-final h, ه or ح is dropped: "Abdellah"/"عبد الله", "Salah"/"صلاح", "Fatma"/"فاطمه".
    IF length(word) > 2 AND (right(word, 1) IN ('ه', 'ح') OR word ~ '[^cskgdtp]h$') THEN
      word := left(word, -1);
    END IF;
    IF left(word, 2) = 'ال' AND length(word) > 2 AND (i = 1 OR strpos('تثدذرزسشصضطظلن', substr(word, 3, 1)) > 0) THEN
      word := substr(word, 3);
    END IF;
    joined := joined || word;
  END LOOP;
  -- Latin: digraphs to placeholder capitals, then letter classes, then vowels dropped.
  joined := replace(joined, 'x', 'ks');
  joined := regexp_replace(joined, 'kh', 'X', 'g');
  joined := regexp_replace(joined, '[cs]h', 'C', 'g');
  joined := regexp_replace(joined, 'gh', 'G', 'g');
  joined := regexp_replace(joined, 'dj', 'J', 'g');
  joined := regexp_replace(joined, 'th', 'T', 'g');
  joined := regexp_replace(joined, 'dh', 'D', 'g');
  joined := regexp_replace(joined, 'ph', 'F', 'g');
  joined := regexp_replace(joined, 'c(?=[eiy])', 's', 'g');
  joined := translate(joined, 'cqgpvaeiouyw', 'kkkbf');
  -- Arabic letters to the same classes; long vowels, hamza forms, ʿayn, ta marbuta dropped.
  joined := translate(joined, 'بتثجحخدذرزسشصضطظغفقكلمنهگڭکڤپ', 'btTjhxddrzscsdtzgfkklmnhkkkfb');
  joined := lower(joined);
  joined := regexp_replace(joined, '[^a-z]', '', 'g');
  RETURN regexp_replace(joined, '(.)\1+', '\1', 'g');
END $$;

-- "first last" in one script; NULL when the person has no name in that script.
CREATE FUNCTION beneficiaries.person_key(first text, last text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN first IS NULL AND last IS NULL THEN NULL
    ELSE coalesce(beneficiaries.name_skeleton(first), '') || ' ' || coalesce(beneficiaries.name_skeleton(last), '') END
$$;

-- 1 for equal skeletons, falling with the edit distance relative to the longer one.
CREATE FUNCTION beneficiaries.skeleton_similarity(a text, b text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
    WHEN a = b THEN 1.0
    ELSE greatest(0, 1 - public.levenshtein(a, b)::numeric / greatest(length(a), length(b), 1)) END
$$;

ALTER TABLE beneficiaries.persons
  ADD COLUMN match_key_ar text GENERATED ALWAYS AS (beneficiaries.person_key(first_name_ar, last_name_ar)) STORED,
  ADD COLUMN match_key_lat text GENERATED ALWAYS AS (beneficiaries.person_key(first_name_lat, last_name_lat)) STORED;
ALTER TABLE beneficiaries.relatives
  ADD COLUMN match_key_ar text GENERATED ALWAYS AS (beneficiaries.name_skeleton(full_name_ar)) STORED,
  ADD COLUMN match_key_lat text GENERATED ALWAYS AS (beneficiaries.name_skeleton(full_name_lat)) STORED;

-- Blocking indexes (live records only): whole key, last name, first name, each with the birth date
-- so the same-key block is read in birth order near the given date.
CREATE INDEX persons_match_ar_idx ON beneficiaries.persons (match_key_ar, birth_date) WHERE merged_into IS NULL;
CREATE INDEX persons_match_lat_idx ON beneficiaries.persons (match_key_lat, birth_date) WHERE merged_into IS NULL;
CREATE INDEX persons_match_last_ar_idx ON beneficiaries.persons ((split_part(match_key_ar, ' ', 2)), birth_date) WHERE merged_into IS NULL;
CREATE INDEX persons_match_last_lat_idx ON beneficiaries.persons ((split_part(match_key_lat, ' ', 2)), birth_date) WHERE merged_into IS NULL;
CREATE INDEX persons_match_first_ar_idx ON beneficiaries.persons ((split_part(match_key_ar, ' ', 1)), birth_date) WHERE merged_into IS NULL;
CREATE INDEX persons_match_first_lat_idx ON beneficiaries.persons ((split_part(match_key_lat, ' ', 1)), birth_date) WHERE merged_into IS NULL;
CREATE INDEX relatives_parents_idx ON beneficiaries.relatives (person_id) WHERE relation IN ('father', 'mother');

-- The national candidate search. It must see every delegation, so it is a narrow SECURITY DEFINER
-- function that answers ids, scores, reasons and the holding delegation only: never a name or a
-- date of a person the caller may not see (the caller reads, under its own RLS, what it may).
--
-- p_firsts/p_lasts/p_scripts: the input's readings (skeletons of first and last name, per script,
-- and swapped, aligned). p_keys/p_first_keys/p_last_keys: the blocking keys derived from them.
-- Blocks: same identifier (CNIE, IDCS, phone); same whole key (near the birth year first);
-- same last name born within a year; same first name born the same day. Each block is limited,
-- so the work stays bounded however common the name.
CREATE FUNCTION beneficiaries.match_candidates(
  p_firsts text[], p_lasts text[], p_scripts text[],
  p_keys text[], p_first_keys text[], p_last_keys text[],
  p_sex text, p_birth date, p_birth_exact boolean, p_place text, p_father text, p_mother text,
  p_cnie text, p_idcs text, p_phone text, p_exclude uuid, p_threshold numeric, p_limit int)
RETURNS TABLE (person_id uuid, score numeric, reasons text[], delegation_id uuid, delegation_name_ar text, delegation_name_fr text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  -- Dynamic SQL so that every call is planned with its own values (a NULL CNIE folds its block
  -- away, the birth span becomes index bounds); a generic plan would scan the table.
  RETURN QUERY EXECUTE $q$
  WITH pool AS (
    (SELECT p.id FROM beneficiaries.persons p WHERE $13 IS NOT NULL AND p.cnie = $13 AND p.merged_into IS NULL LIMIT 5)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE $14 IS NOT NULL AND p.idcs = $14 AND p.merged_into IS NULL LIMIT 5)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE $15 IS NOT NULL AND p.phone = $15 LIMIT 20)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND p.match_key_ar = ANY($4) AND p.birth_date BETWEEN make_date(extract(year FROM $8)::int - 1, 1, 1) AND make_date(extract(year FROM $8)::int + 1, 12, 31) LIMIT 100)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND p.match_key_lat = ANY($4) AND p.birth_date BETWEEN make_date(extract(year FROM $8)::int - 1, 1, 1) AND make_date(extract(year FROM $8)::int + 1, 12, 31) LIMIT 100)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND p.match_key_ar = ANY($4) LIMIT 30)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND p.match_key_lat = ANY($4) LIMIT 30)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND split_part(p.match_key_ar, ' ', 2) = ANY($6) AND p.birth_date BETWEEN make_date(extract(year FROM $8)::int - 1, 1, 1) AND make_date(extract(year FROM $8)::int + 1, 12, 31) LIMIT 100)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE p.merged_into IS NULL AND split_part(p.match_key_lat, ' ', 2) = ANY($6) AND p.birth_date BETWEEN make_date(extract(year FROM $8)::int - 1, 1, 1) AND make_date(extract(year FROM $8)::int + 1, 12, 31) LIMIT 100)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE $9 AND p.merged_into IS NULL AND split_part(p.match_key_ar, ' ', 1) = ANY($5) AND p.birth_date = $8 LIMIT 50)
    UNION (SELECT p.id FROM beneficiaries.persons p WHERE $9 AND p.merged_into IS NULL AND split_part(p.match_key_lat, ' ', 1) = ANY($5) AND p.birth_date = $8 LIMIT 50)
  ),
  features AS (
    SELECT p.id, p.delegation_id,
      ($13 IS NOT NULL AND p.cnie = $13) AS cnie_same,
      ($13 IS NOT NULL AND p.cnie IS NOT NULL AND p.cnie <> $13) AS cnie_differs,
      ($14 IS NOT NULL AND p.idcs = $14) AS idcs_same,
      CASE WHEN $15 IS NULL OR p.phone IS NULL THEN 0.5 WHEN p.phone = $15 THEN 1 ELSE 0.3 END AS phone,
      ($7 IS NOT NULL AND p.sex <> $7) AS sex_differs,
      CASE WHEN $8 IS NULL OR p.birth_date IS NULL THEN 0.5
        WHEN $9 AND p.birth_date_precision = 'exact' AND p.birth_date = $8 THEN 1
        WHEN extract(year FROM p.birth_date) = extract(year FROM $8)
          THEN CASE WHEN $9 AND p.birth_date_precision = 'exact' THEN 0.4 ELSE 0.8 END
        WHEN abs(extract(year FROM p.birth_date) - extract(year FROM $8)) = 1 THEN 0.2
        ELSE 0 END AS birth,
      CASE WHEN $10 IS NULL OR p.birth_place IS NULL THEN 0.5
        WHEN beneficiaries.skeleton_similarity($10, beneficiaries.name_skeleton(p.birth_place)) >= 0.8 THEN 1 ELSE 0 END AS place,
      nm.sim AS name, nm.pair AS name_pair,
      par.sim AS parents
    FROM beneficiaries.persons p
    JOIN pool ON pool.id = p.id
    CROSS JOIN LATERAL (
      SELECT (pf * pl) ^ 2 AS sim, CASE WHEN r.s = c.s THEN 'name_' || r.s ELSE 'name_cross_script' END AS pair
      FROM unnest($1, $2, $3) AS r(f, l, s)
      CROSS JOIN (VALUES (split_part(p.match_key_ar, ' ', 1), split_part(p.match_key_ar, ' ', 2), 'ar', p.match_key_ar IS NOT NULL),
                         (split_part(p.match_key_lat, ' ', 1), split_part(p.match_key_lat, ' ', 2), 'lat', p.match_key_lat IS NOT NULL)) AS c(f, l, s, present)
      CROSS JOIN LATERAL (SELECT
        CASE WHEN r.f = '' OR c.f = '' THEN 0.7 ELSE beneficiaries.skeleton_similarity(r.f, c.f) END AS pf,
        CASE WHEN r.l = '' OR c.l = '' THEN 0.7 ELSE beneficiaries.skeleton_similarity(r.l, c.l) END AS pl) AS parts
      WHERE c.present
      ORDER BY 1 DESC, (r.s = c.s) DESC
      LIMIT 1
    ) nm
    CROSS JOIN LATERAL (
      SELECT avg(best) AS sim FROM (
        SELECT max(greatest(coalesce(beneficiaries.skeleton_similarity(want.key, rel.match_key_ar), 0),
                            coalesce(beneficiaries.skeleton_similarity(want.key, rel.match_key_lat), 0))) AS best
        FROM (VALUES ('father', $11), ('mother', $12)) AS want(relation, key)
        JOIN beneficiaries.relatives rel ON rel.person_id = p.id AND rel.relation = want.relation
        WHERE want.key IS NOT NULL AND want.key <> ''
        GROUP BY want.relation
      ) per_parent
    ) par
    WHERE p.merged_into IS NULL AND p.id IS DISTINCT FROM $16 AND app.current_user_id() IS NOT NULL
  ),
  scored AS (
    SELECT f.*,
      CASE WHEN f.cnie_same OR f.idcs_same THEN 1.0
        ELSE least(1.0, (0.55 * f.name + 0.25 * f.birth + 0.1 * coalesce(f.parents, 0.5) + 0.05 * f.place + 0.05 * f.phone)
          * CASE WHEN f.sex_differs THEN 0.5 ELSE 1 END * CASE WHEN f.cnie_differs THEN 0.6 ELSE 1 END) END AS score
    FROM features f
  )
  SELECT s.id, round(s.score, 3),
    array_remove(ARRAY[
      CASE WHEN s.cnie_same THEN 'cnie' END,
      CASE WHEN s.idcs_same THEN 'idcs' END,
      CASE WHEN s.phone = 1 THEN 'phone' END,
      CASE WHEN s.name >= 0.6 THEN s.name_pair END,
      CASE WHEN s.birth = 1 THEN 'birth_date' WHEN s.birth IN (0.4, 0.8) THEN 'birth_year' END,
      CASE WHEN s.place = 1 THEN 'birth_place' END,
      CASE WHEN s.parents >= 0.8 THEN 'parents' END,
      CASE WHEN s.sex_differs THEN 'sex_differs' END], NULL),
    d.id, d.name_ar, d.name_fr
  FROM scored s JOIN organisation.delegations d ON d.id = s.delegation_id
  WHERE s.score >= $17
  ORDER BY s.score DESC, s.id
  LIMIT $18
  $q$ USING p_firsts, p_lasts, p_scripts, p_keys, p_first_keys, p_last_keys, p_sex, p_birth, p_birth_exact, p_place, p_father, p_mother, p_cnie, p_idcs, p_phone, p_exclude, p_threshold, p_limit;
END $fn$;
REVOKE ALL ON FUNCTION beneficiaries.match_candidates(text[], text[], text[], text[], text[], text[], text, date, boolean, text, text, text, text, text, text, uuid, numeric, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.match_candidates(text[], text[], text[], text[], text[], text[], text, date, boolean, text, text, text, text, text, text, uuid, numeric, int) TO raaya_app;
