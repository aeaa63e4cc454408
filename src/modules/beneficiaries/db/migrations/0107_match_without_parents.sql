-- National duplicate search at national scale (issue 6, Performance; decision 0022).
--
-- match_candidates() of 0081, unchanged but for one condition. Its parents' score joined each
-- candidate's relatives to the parents' names asked for; when none was asked for (most desks), the
-- planner still read every candidate's relatives first (an index probe and a heap page each, a
-- hundred candidates or more per call) and only then found no name to compare with. The added
-- condition is a constant of the call (its parameters are planned as values), so without a
-- parent's name the relatives are not read at all; with one, nothing changes. Same answers.
CREATE OR REPLACE FUNCTION beneficiaries.match_candidates(
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
          -- Constant for the call: without a parent's name the relatives are never read.
          AND (coalesce($11, '') <> '' OR coalesce($12, '') <> '')
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
