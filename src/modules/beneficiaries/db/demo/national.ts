/**
 * generateNationalBeneficiaries(): beneficiaries of national size for the benchmark (`npm run bench
 * -- --only beneficiaries`): by default 3,000,000 persons and 600,000 admissions a year over 5
 * years (3,000,000 admissions) in the authorised institutions of the generated national registry
 * (generateNationalRegistry), with their case files, reception requests, referrals and relatives.
 *
 * How: set-based SQL only, as the tables' owner, in the caller's transaction. The tables' user
 * triggers are disabled for the load (ALTER TABLE … DISABLE TRIGGER USER; constraints and foreign
 * keys still apply) and re-enabled at the end, and their secondary indexes are dropped and built
 * again afterwards (unique ones stay), so the SQL fills what the triggers would: scope keys, the
 * human numbers (request, case, registration) from a window per delegation/institution and year,
 * offset by and written back to beneficiaries.counters so later inserts continue the series. Folded
 * name keys are generated columns and fill themselves. No audit entries are written for the
 * generated rows (a bulk load, not users' work). Run VACUUM ANALYZE afterwards (outside a transaction).
 *
 * The shape (deterministic, hashes of a row number):
 *  - each authorised institution with places gets admissions in proportion to its capacity, spread
 *    evenly over the years; the most recent ones stay open, at most 70 % of its places and never
 *    more than its places of either sex; the others exited 1 to 11 months after admission;
 *  - one admission in ten, a year after a first one in the same institution, is the same person
 *    coming back (a student's next school year, an elderly person returning);
 *  - ages fit the category (student homes 12–17, elderly homes 66–88, child protection minors…),
 *    sex the sex served; names from names.ts with the usual Latin spelling mostly, another one
 *    sometimes; adults mostly carry a CNIE, some persons an IDCS and a phone;
 *  - one case file per person (stage from its last admission: admitted/accompaniment, exited,
 *    followed after exit, closed), one reception request per case, one referral per admission
 *    (completed), one relative per person (the father, legal representative, of a minor);
 *  - the persons left over are reception-only: held by a delegation, their case at reception,
 *    diagnosis or orientation.
 */
import type pg from 'pg';
import { femaleFirstNames, lastNames, maleFirstNames, type Name } from './names.ts';

export interface NationalBeneficiariesOptions {
  persons: number;
  admissionsPerYear: number;
  years: number;
  /** Changes every generated choice (names, ages, dates). */
  seed?: number;
  /** Told how long each step took (the benchmark prints it). */
  log?: (line: string) => void;
}

export const NATIONAL_BENEFICIARIES: NationalBeneficiariesOptions = { persons: 3_000_000, admissionsPerYear: 600_000, years: 5 };

export interface GeneratedBeneficiaries {
  persons: number;
  admissions: number;
  openAdmissions: number;
  cases: number;
  requests: number;
  referrals: number;
  relatives: number;
  institutions: number;
}

const TABLES = ['persons', 'relatives', 'cases', 'requests', 'referrals', 'admissions'].map((t) => `beneficiaries.${t}`);

/** Family names of the generator: the demo's, and the particle names built on given names ("Ait Brahim", "Ben Youssef", "Ou Hammou"…). */
function familyNames(): Name[] {
  const built: Name[] = [];
  const particles: [ar: string, lat: string, joined: boolean][] = [['آيت', 'Ait', false], ['بن', 'Ben', true], ['إد', 'Id', false], ['أو', 'Ou', true], ['بو', 'Bou', true], ['ولد', 'Ould', false]];
  for (const [ar, lat, joined] of particles) {
    for (const given of maleFirstNames) {
      if (given[0].includes(' ') || given[0].startsWith('ال')) continue;
      const root = given[1]!;
      built.push([`${ar} ${given[0]}`, `${lat} ${root}`, joined ? `${lat}${root.toLowerCase()}` : `${lat}-${root}`]);
    }
  }
  return [...lastNames, ...built];
}

/** [index, arabic, usual latin, other latin] rows for a names table. */
const nameRows = (names: readonly Name[]) => names.map((n, i) => [i, n[0], n[1]!, n[2] ?? n[1]!] as const);

/** A temporary names table (sex, i, ar, lat, alt); returns how many names it holds. */
async function loadNames(client: pg.ClientBase, table: string, sex: string, names: readonly Name[]): Promise<number> {
  const rows = nameRows(names);
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${table} (sex text NOT NULL, i int NOT NULL, ar text NOT NULL, lat text NOT NULL, alt text NOT NULL, PRIMARY KEY (sex, i))`);
  await client.query(`INSERT INTO ${table} SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    [sex, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])]);
  return rows.length;
}

export async function generateNationalBeneficiaries(client: pg.ClientBase, options: NationalBeneficiariesOptions): Promise<GeneratedBeneficiaries> {
  const seed = options.seed ?? 2019;
  const admissions = options.admissionsPerYear * options.years;
  const days = options.years * 365;
  const q = async (sql: string, values?: unknown[]) => {
    const started = performance.now();
    const result = await client.query(sql, values);
    const ms = performance.now() - started;
    if (options.log && ms >= 1000) options.log(`[generate] ${(ms / 1000).toFixed(1)} s  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
    return result;
  };

  // Large sorts (numbering windows, index builds) in memory; for this transaction only.
  await q(`SET LOCAL work_mem = '256MB'`);
  await q(`SET LOCAL maintenance_work_mem = '512MB'`);
  // h(n, salt): a well-spread non-negative integer per row and purpose (PostgreSQL's own int8 hash).
  await q(`CREATE OR REPLACE FUNCTION pg_temp.h(n bigint, salt int) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT abs(hashint8(n * 1000003 + salt * 7919 + ${seed})::bigint) $$`);
  // Deterministic ids written as version-4 UUIDs (version and variant digits set), which the API's schemas require.
  await q(`CREATE OR REPLACE FUNCTION pg_temp.uid(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (substr(md5('${seed}-' || kind || '-' || n), 1, 12) || '4' || substr(md5('${seed}-' || kind || '-' || n), 14, 3) || '8'
      || substr(md5('${seed}-' || kind || '-' || n), 18, 15))::uuid $$`);
  // (One expression without FROM, so that the planner inlines it into each statement instead of calling a function per row.)
  const males = await loadNames(client, 'gen_first', 'male', maleFirstNames);
  const females = await loadNames(client, 'gen_first', 'female', femaleFirstNames);
  const families = await loadNames(client, 'gen_family', 'any', familyNames());

  // Institutions that take generated admissions, their share, ages and the service a referral asks for.
  await q(`CREATE TEMP TABLE gen_inst AS
    WITH base AS (
      SELECT i.id, i.region_id, i.delegation_id, i.association_id, i.sex_served, i.legal_category, i.centre_type,
        i.capacity_male, i.capacity_female, i.capacity_male + i.capacity_female AS total, c.name_ar AS commune_ar,
        replace(d.code, '.', '') AS deleg_tag,
        (SELECT s.service FROM registry.institution_services s WHERE s.institution_id = i.id
          ORDER BY s.service = 'accommodation' DESC, s.service = 'reception' DESC, s.service LIMIT 1) AS service
      FROM registry.institutions i JOIN territory.communes c ON c.id = i.commune_id JOIN organisation.delegations d ON d.id = i.delegation_id
      WHERE i.status = 'authorised' AND i.capacity_male + i.capacity_female > 0
        AND NOT EXISTS (SELECT 1 FROM beneficiaries.admissions a WHERE a.institution_id = i.id)
    ), shares AS (
      SELECT b.*, sum(total) OVER (ORDER BY id) AS upto, sum(total) OVER () AS grand FROM base b WHERE service IS NOT NULL
    )
    SELECT s.*, (floor($1::numeric * upto / grand) - floor($1::numeric * (upto - total) / grand))::int AS n,
      floor($1::numeric * (upto - total) / grand)::bigint AS before,
      a.lo AS age_lo, a.hi AS age_hi, a.target_group
    FROM shares s CROSS JOIN LATERAL (SELECT * FROM (VALUES
      (s.legal_category = 'schooled_children', 12, 17, 'schooled_children'), (s.legal_category = 'elderly', 66, 88, 'elderly'),
      (s.legal_category = 'kafala_children', 0, 10, 'abandoned_children'), (s.legal_category = 'child_protection', 8, 17, 'children'),
      (s.legal_category = 'homeless_beggars', 25, 65, 'homeless'), (s.legal_category = 'women_multipurpose', 18, 50, 'women_in_difficulty'),
      (s.legal_category = 'disability', 6, 40, 'persons_with_disabilities'), (s.legal_category = 'mobile_social_emergency', 20, 70, 'homeless'),
      (s.centre_type = 'kindergarten', 3, 5, 'children'), (s.centre_type = 'child_protection_unit', 6, 17, 'children'),
      (s.centre_type = 'apprenticeship_centre', 15, 24, 'youth'), (s.centre_type = 'education_training_centre', 16, 30, 'women'),
      (s.centre_type = 'disability_orientation_centre', 6, 50, 'persons_with_disabilities'), (true, 18, 55, 'families')
    ) v(applies, lo, hi, target_group) WHERE applies LIMIT 1) a`, [admissions]);

  // One row per admission. A comeback (one in ten) is the person of the admission one stride (a year) earlier.
  await q(`CREATE TEMP TABLE gen_slot AS
    WITH s AS (
      SELECT g.id AS institution_id, g.n, g.total, k, g.before + k AS slot_no, ceil(g.n::numeric / ${options.years})::int AS stride,
        ((now() AT TIME ZONE 'Africa/Casablanca')::date - ${days} + ((k - 1)::bigint * ${days} / g.n)::int) AS admitted_on
      FROM gen_inst g, generate_series(1, g.n) k
    ), r AS (
      SELECT s.*, (k % 10 = 0 AND k > stride AND (k - stride) % 10 <> 0) AS comeback,
        -- The most recent stay open: at most 70 % of the places, and fewer than a stride so a comeback's first stay has ended.
        k > n - least(floor(0.7 * total)::int, stride - 1) AS open
      FROM s
    )
    SELECT r.institution_id, r.k, r.slot_no, r.admitted_on, r.comeback, r.open,
      CASE WHEN r.comeback THEN r.slot_no - r.stride ELSE r.slot_no END AS person_no,
      CASE WHEN r.comeback THEN r.k - r.stride ELSE r.k END AS person_k,
      CASE WHEN r.open THEN NULL ELSE greatest(r.admitted_on, least(r.admitted_on + 30 + (pg_temp.h(r.slot_no, 1) % 300)::int,
        (now() AT TIME ZONE 'Africa/Casablanca')::date - 1)) END AS exit_on
    FROM r`);
  await q('CREATE INDEX ON gen_slot (person_no, admitted_on DESC)');
  await q('ANALYZE gen_slot');

  // One row per person: admitted persons (from their first admission, the stage from their last) and reception-only ones.
  await q(`CREATE TEMP TABLE gen_person AS
    WITH first AS (
      SELECT s.person_no, s.person_k, s.admitted_on, g.*
      FROM gen_slot s JOIN gen_inst g ON g.id = s.institution_id WHERE NOT s.comeback
    ), last AS (
      SELECT DISTINCT ON (s.person_no) s.person_no, s.institution_id AS last_institution, g.association_id AS last_association,
        s.open AS last_open, s.exit_on AS last_exit
      FROM gen_slot s JOIN gen_inst g ON g.id = s.institution_id ORDER BY s.person_no, s.admitted_on DESC
    )
    SELECT f.person_no, f.region_id, f.delegation_id, f.deleg_tag, f.commune_ar, f.target_group,
      CASE f.sex_served WHEN 'boys' THEN 'male' WHEN 'girls' THEN 'female' ELSE (CASE WHEN f.person_k % 2 = 0 THEN 'male' ELSE 'female' END) END AS sex,
      -- Below the category's upper age by more than two years, so that a comeback a year later still fits
      -- it even when the birth date is kept by its year only (1 January makes the person up to a year older).
      (f.admitted_on - make_interval(years => f.age_lo + (pg_temp.h(f.person_no, 2) % greatest(f.age_hi - f.age_lo - 1, 1))::int,
        days => (pg_temp.h(f.person_no, 3) % 300)::int))::date AS birth_date,
      f.age_lo >= 18 AS adult,
      greatest(f.admitted_on - 30, (now() AT TIME ZONE 'Africa/Casablanca')::date - ${days} - 30) AS opened_on,
      CASE WHEN l.last_open THEN (CASE WHEN pg_temp.h(f.person_no, 4) % 5 = 0 THEN 'accompaniment' ELSE 'admitted' END)
        WHEN l.last_exit > (now() AT TIME ZONE 'Africa/Casablanca')::date - 60 THEN 'exited'
        WHEN l.last_exit > (now() AT TIME ZONE 'Africa/Casablanca')::date - 365 THEN 'post_exit' ELSE 'closed' END AS stage,
      CASE WHEN l.last_open THEN l.last_institution END AS institution_id,
      CASE WHEN l.last_open THEN l.last_association END AS association_id,
      CASE WHEN NOT l.last_open THEN least(l.last_exit + 90, (now() AT TIME ZONE 'Africa/Casablanca')::date) END AS closed_on
    FROM first f JOIN last l ON l.person_no = f.person_no`);
  const { rows: [people] } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM gen_person');
  const receptionOnly = Math.max(0, options.persons - people!.n);
  await q(`INSERT INTO gen_person (person_no, region_id, delegation_id, deleg_tag, commune_ar, target_group, sex, birth_date, adult, opened_on, stage)
    SELECT ${admissions} + g, d.region_id, d.id, replace(d.code, '.', ''), NULL, 'families',
      CASE WHEN pg_temp.h(${admissions} + g, 5) % 2 = 0 THEN 'male' ELSE 'female' END,
      ((now() AT TIME ZONE 'Africa/Casablanca')::date - make_interval(years => 18 + (pg_temp.h(${admissions} + g, 2) % 52)::int,
        days => (pg_temp.h(${admissions} + g, 3) % 360)::int))::date, true,
      (now() AT TIME ZONE 'Africa/Casablanca')::date - (pg_temp.h(${admissions} + g, 6) % 90)::int,
      (ARRAY['reception', 'diagnosis', 'orientation'])[1 + (pg_temp.h(${admissions} + g, 7) % 3)::int]
    FROM generate_series(1, $1::int) g
    JOIN (SELECT id, region_id, code, row_number() OVER (ORDER BY code) - 1 AS r, count(*) OVER () AS c FROM organisation.delegations) d
      ON d.r = g % d.c`, [receptionOnly]);
  await q('ALTER TABLE gen_person ADD PRIMARY KEY (person_no)');
  await q('ANALYZE gen_person');

  for (const table of TABLES) await q(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  // Secondary indexes (this module's and any other part's) are dropped for the load and built again
  // afterwards from their own definitions: one sorted build instead of millions of insertions (a GIN
  // index above all). Primary keys and unique indexes stay: they check the rows as they go in.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'beneficiaries' AND t.relname = ANY($1) AND NOT x.indisunique AND NOT x.indisprimary`,
    [TABLES.map((t) => t.split('.')[1])]);
  for (const index of indexes) await q(`DROP INDEX beneficiaries."${index.name}"`);

  const count = async (sql: string) => (await q(sql)).rowCount ?? 0;

  // The match keys (generated columns) are name_skeleton() of every name: a plpgsql function of
  // some fifteen regular expressions, four calls a person and two a relative, most of the load's
  // time. The names come from short lists, so each distinct name is computed once, by the real
  // function, and name_skeleton() answers from that table during the load (any other value: the
  // real function, copied as pg_temp.name_skeleton_real). Its definition is put back before the
  // persons and relatives are done, in this transaction: no other session ever sees the stand-in.
  const { rows: [skeleton] } = await client.query<{ def: string }>(
    `SELECT pg_get_functiondef('beneficiaries.name_skeleton(text)'::regprocedure) AS def`);
  const realSkeleton = skeleton!.def;
  await q(realSkeleton.replace(/FUNCTION beneficiaries\.name_skeleton\(/, 'FUNCTION pg_temp.name_skeleton_real('));
  await q(`CREATE TEMP TABLE gen_skeleton (v text PRIMARY KEY, k text)`);
  await q(`INSERT INTO gen_skeleton SELECT v, beneficiaries.name_skeleton(v) FROM (
      SELECT unnest(ARRAY[ar, lat, alt]) FROM gen_first UNION SELECT unnest(ARRAY[ar, lat, alt]) FROM gen_family
      UNION SELECT f.ar || ' ' || l.ar FROM gen_first f, gen_family l WHERE f.sex = 'male'
      UNION SELECT f.lat || ' ' || unnest(ARRAY[l.lat, l.alt]) FROM gen_first f, gen_family l WHERE f.sex = 'male') n(v)`);
  await q('ANALYZE gen_skeleton');
  await q(`CREATE OR REPLACE FUNCTION beneficiaries.name_skeleton(value text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL RESTRICTED STRICT AS $$
    DECLARE known text;
    BEGIN
      SELECT k INTO known FROM pg_temp.gen_skeleton WHERE v = value;
      IF FOUND THEN RETURN known; END IF;
      RETURN pg_temp.name_skeleton_real(value);
    END $$`);

  const persons = await count(`INSERT INTO beneficiaries.persons (id, first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex, birth_date,
      birth_date_precision, birth_place, cnie, idcs, phone, family_status, schooling_level, region_id, delegation_id)
    SELECT pg_temp.uid('p', p.person_no), f.ar, l.ar,
      CASE WHEN pg_temp.h(p.person_no, 10) % 5 = 0 THEN f.alt ELSE f.lat END, CASE WHEN pg_temp.h(p.person_no, 11) % 5 = 0 THEN l.alt ELSE l.lat END,
      p.sex, CASE WHEN y.year_only THEN date_trunc('year', p.birth_date)::date ELSE p.birth_date END,
      CASE WHEN y.year_only THEN 'year' ELSE 'exact' END, p.commune_ar,
      CASE WHEN p.adult AND pg_temp.h(p.person_no, 12) % 10 < 7 THEN 'GZ' || lpad(p.person_no::text, 7, '0') END,
      CASE WHEN pg_temp.h(p.person_no, 13) % 10 < 3 THEN '9' || lpad(p.person_no::text, 9, '0') END,
      CASE WHEN p.adult AND pg_temp.h(p.person_no, 14) % 10 < 6 THEN '+2126' || lpad((pg_temp.h(p.person_no, 15) % 100000000)::text, 8, '0') END,
      CASE WHEN p.adult THEN (ARRAY['single', 'married', 'divorced', 'widowed'])[1 + (pg_temp.h(p.person_no, 16) % 4)::int] ELSE 'single' END,
      CASE p.target_group WHEN 'schooled_children' THEN 'lower_secondary' WHEN 'children' THEN 'primary' ELSE 'unknown' END,
      p.region_id, p.delegation_id
    FROM gen_person p
    CROSS JOIN LATERAL (SELECT p.target_group IN ('elderly', 'homeless') AND pg_temp.h(p.person_no, 17) % 10 < 4 AS year_only) y
    JOIN gen_first f ON f.sex = p.sex AND f.i = pg_temp.h(p.person_no, 8) % (CASE p.sex WHEN 'male' THEN ${males} ELSE ${females} END)
    JOIN gen_family l ON l.sex = 'any' AND l.i = pg_temp.h(p.person_no, 9) % ${families}`);

  // The father (legal representative) of a minor; a spouse or sibling of an adult. Keys copied from the person.
  const relatives = await count(`INSERT INTO beneficiaries.relatives (person_id, relation, is_legal_representative, full_name_ar, full_name_lat,
      cnie, phone, profession, social_situation, region_id, delegation_id)
    SELECT pg_temp.uid('p', p.person_no), CASE WHEN p.adult THEN (CASE WHEN pg_temp.h(p.person_no, 20) % 2 = 0 THEN 'spouse' ELSE 'sibling' END) ELSE 'father' END,
      NOT p.adult, f.ar || ' ' || pe.last_name_ar, f.lat || ' ' || pe.last_name_lat,
      CASE WHEN pg_temp.h(p.person_no, 21) % 10 < 8 THEN 'GY' || lpad(p.person_no::text, 7, '0') END,
      '+2126' || lpad((pg_temp.h(p.person_no, 22) % 100000000)::text, 8, '0'),
      (ARRAY['فلاح', 'عامل فلاحي', 'بائع متجول', 'بناء', 'سائق', 'صياد', 'حارس', 'تاجر'])[1 + (pg_temp.h(p.person_no, 23) % 8)::int],
      (ARRAY['employed', 'unemployed', 'employed', 'deceased', 'other'])[1 + (pg_temp.h(p.person_no, 24) % 5)::int],
      p.region_id, p.delegation_id
    FROM gen_person p JOIN beneficiaries.persons pe ON pe.id = pg_temp.uid('p', p.person_no)
    JOIN gen_first f ON f.sex = 'male' AND f.i = pg_temp.h(p.person_no, 25) % ${males}`);

  // The real name_skeleton() again (the same definition, so the same function as the migrations made).
  await q(realSkeleton);
  await q('DROP FUNCTION pg_temp.name_skeleton_real(text)');

  // Case files, numbered per delegation and year after what the counters already gave.
  const cases = await count(`INSERT INTO beneficiaries.cases (id, number, person_id, stage, target_group, opened_on, closed_on, close_reason,
      region_id, delegation_id, association_id, institution_id)
    SELECT pg_temp.uid('c', p.person_no),
      'C-' || p.deleg_tag || '-' || extract(year FROM p.opened_on)::int || '-' || lpad((coalesce(k.last_value, 0)
        + row_number() OVER (PARTITION BY p.delegation_id, extract(year FROM p.opened_on) ORDER BY p.opened_on, p.person_no))::text, 5, '0'),
      pg_temp.uid('p', p.person_no), p.stage, p.target_group, p.opened_on,
      CASE WHEN p.stage = 'closed' THEN greatest(p.closed_on, p.opened_on) END, CASE WHEN p.stage = 'closed' THEN 'Fin de l''accompagnement après la sortie' END,
      p.region_id, p.delegation_id, p.association_id, p.institution_id
    FROM gen_person p
    LEFT JOIN beneficiaries.counters k ON k.scope_id = p.delegation_id AND k.kind = 'case' AND k.year = extract(year FROM p.opened_on)::int`);

  const requests = await count(`INSERT INTO beneficiaries.requests (number, person_id, case_id, channel, reception_point, received_at, requester_relation,
      needs, summary, status, consent_given, region_id, delegation_id)
    SELECT 'R-' || p.deleg_tag || '-' || extract(year FROM p.opened_on)::int || '-' || lpad((coalesce(k.last_value, 0)
        + row_number() OVER (PARTITION BY p.delegation_id, extract(year FROM p.opened_on) ORDER BY p.opened_on, p.person_no))::text, 5, '0'),
      pg_temp.uid('p', p.person_no), pg_temp.uid('c', p.person_no),
      (ARRAY['walk_in', 'walk_in', 'phone', 'referral'])[1 + (pg_temp.h(p.person_no, 30) % 4)::int], 'delegation_desk',
      (p.opened_on + time '09:30') AT TIME ZONE 'Africa/Casablanca', CASE WHEN p.adult THEN 'self' ELSE 'family' END,
      ARRAY[p.target_group], 'Demande d''accueil', 'case_opened', true,
      p.region_id, p.delegation_id
    FROM gen_person p
    LEFT JOIN beneficiaries.counters k ON k.scope_id = p.delegation_id AND k.kind = 'request' AND k.year = extract(year FROM p.opened_on)::int`);

  // One completed referral per admission, from the case's delegation to the institution.
  const referrals = await count(`INSERT INTO beneficiaries.referrals (id, case_id, person_id, institution_id, service, state, proposed_on, decided_on,
      completed_on, from_region_id, from_delegation_id, region_id, delegation_id, association_id)
    SELECT pg_temp.uid('r', s.slot_no), pg_temp.uid('c', s.person_no), pg_temp.uid('p', s.person_no), g.id, g.service, 'completed',
      s.admitted_on - 14, s.admitted_on - 7, s.admitted_on, p.region_id, p.delegation_id, g.region_id, g.delegation_id, g.association_id
    FROM gen_slot s JOIN gen_inst g ON g.id = s.institution_id JOIN gen_person p ON p.person_no = s.person_no`);

  // The registers: registration numbers per institution and year after the counters.
  const admitted = await count(`INSERT INTO beneficiaries.admissions (id, institution_id, person_id, case_id, referral_id, registration_year,
      registration_number, admission_date, exit_date, exit_reason, exit_destination, school_year, school_name, school_level,
      region_id, delegation_id, association_id)
    SELECT pg_temp.uid('a', s.slot_no), g.id, pg_temp.uid('p', s.person_no), pg_temp.uid('c', s.person_no), pg_temp.uid('r', s.slot_no),
      extract(year FROM s.admitted_on)::int,
      extract(year FROM s.admitted_on)::int || '/' || lpad((coalesce(k.last_value, 0)
        + row_number() OVER (PARTITION BY g.id, extract(year FROM s.admitted_on) ORDER BY s.admitted_on, s.k))::text, 4, '0'),
      s.admitted_on, s.exit_on,
      CASE WHEN s.exit_on IS NOT NULL THEN (ARRAY['programme_completed', 'family_reintegration', 'voluntary_departure', 'age_limit', 'employment'])[1 + (pg_temp.h(s.slot_no, 40) % 5)::int] END,
      CASE WHEN s.exit_on IS NOT NULL THEN 'Retour en famille' END,
      CASE WHEN g.legal_category = 'schooled_children' THEN
        (extract(year FROM s.admitted_on)::int - CASE WHEN extract(month FROM s.admitted_on) < 9 THEN 1 ELSE 0 END) || '-'
        || (extract(year FROM s.admitted_on)::int + CASE WHEN extract(month FROM s.admitted_on) < 9 THEN 0 ELSE 1 END) END,
      CASE WHEN g.legal_category = 'schooled_children' THEN 'الثانوية الإعدادية ' || g.commune_ar END,
      CASE WHEN g.legal_category = 'schooled_children' THEN (ARRAY['1AC', '2AC', '3AC', 'TC', '1BAC', '2BAC'])[1 + (pg_temp.h(s.slot_no, 41) % 6)::int] END,
      g.region_id, g.delegation_id, g.association_id
    FROM gen_slot s JOIN gen_inst g ON g.id = s.institution_id
    LEFT JOIN beneficiaries.counters k ON k.scope_id = g.id AND k.kind = 'registration' AND k.year = extract(year FROM s.admitted_on)::int`);

  for (const index of indexes) await q(index.definition);
  for (const table of TABLES) await q(`ALTER TABLE ${table} ENABLE TRIGGER USER`);

  // The counters continue after the generated numbers.
  await q(`INSERT INTO beneficiaries.counters AS c (scope_id, kind, year, last_value)
    SELECT scope_id, kind, year, count(*) FROM (
      SELECT delegation_id AS scope_id, 'case' AS kind, extract(year FROM opened_on)::int AS year FROM gen_person
      UNION ALL SELECT delegation_id, 'request', extract(year FROM opened_on)::int FROM gen_person
      UNION ALL SELECT institution_id, 'registration', extract(year FROM admitted_on)::int FROM gen_slot
    ) n GROUP BY scope_id, kind, year
    ON CONFLICT (scope_id, kind, year) DO UPDATE SET last_value = c.last_value + excluded.last_value`);

  const { rows: [summary] } = await client.query<{ institutions: number; open: number }>(`SELECT (SELECT count(*) FROM gen_inst WHERE n > 0)::int AS institutions,
    (SELECT count(*) FROM gen_slot WHERE open)::int AS open`);
  for (const table of ['gen_slot', 'gen_person', 'gen_inst', 'gen_first', 'gen_family', 'gen_skeleton']) await q(`DROP TABLE ${table}`);
  await q(`ANALYZE ${TABLES.join(', ')}, beneficiaries.counters`);
  return { persons, admissions: admitted, openAdmissions: summary!.open, cases, requests, referrals, relatives, institutions: summary!.institutions };
}
