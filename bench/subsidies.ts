/**
 * Subsidies benchmark (issue 8, Performance): on top of a generated national registry (5,000
 * institutions, 3,000 founders), 15,000 signed conventions over 5 years with 60,000 tranches (paid
 * on time, paid late, paid in part, released and waiting, blocked; future ones this year),
 * their disbursements and reviews. Measures, against the running server, the subsidies dashboard
 * for the nation, a region and a delegation, the regularity table, and the late-tranches list
 * (first page and a later one), as the national analyst (`central`), the Souss-Massa coordinator
 * and the Agadir delegate. Each case: 20 warm-up requests, then 200 timed ones.
 */
import pg from 'pg';
import { generateNationalRegistry } from '../src/modules/registry/db/demo/index.ts';
import { todayInMorocco } from '../src/platform/deadlines/index.ts';
import type { ApiSession } from './jobs.ts';
import { type Latency } from './latency.ts';
import { NATIONAL as NATIONAL_REGISTRY, caseTables, runRegistryCases, type RegistryCase, type RegistryIds } from './registry.ts';

export const SUBSIDIES_TITLE = '## Subsidies (issue 8)';
export const NATIONAL_SUBSIDIES = { conventions: 15_000, tranchesPerConvention: 4, years: 5 } as const;
export const SUBSIDY_TARGETS = { dashboard: 100, late: 30 } as const;

export type SubsidyUser = 'national' | 'region' | 'delegation';

export interface SubsidyCase {
  group: 'dashboard' | 'late';
  label: string;
  user: SubsidyUser;
  path: string;
  laterPage?: number;
  target?: number;
}

const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export function subsidyCases(ids: RegistryIds): SubsidyCase[] {
  const year = Number(todayInMorocco().slice(0, 4));
  const marrakechSafi = ids.regions['07']!;
  const soussMassa = ids.regions['09']!;
  const agadir = ids.delegations['09.001']!;
  const dashboard = (label: string, user: SubsidyUser, params: Record<string, string | number>): SubsidyCase => ({
    group: 'dashboard', label, user, path: `/api/subsidies/dashboard?${q(params)}`, target: SUBSIDY_TARGETS.dashboard,
  });
  const late = (label: string, user: SubsidyUser, params: Record<string, string | number>, laterPage?: number): SubsidyCase => ({
    group: 'late', label, user, path: `/api/subsidies/late-tranches?${q({ limit: 50, ...params })}`, target: SUBSIDY_TARGETS.late, ...(laterPage && { laterPage }),
  });
  return [
    // The lightest signed-in route, for scale: what any request costs on the machine as loaded during the run.
    { group: 'dashboard', label: 'baseline: `GET /api/me` (no target)', user: 'national', path: '/api/me' },
    dashboard(`nation, ${year}`, 'national', { year }),
    dashboard(`nation, ${year - 1}`, 'national', { year: year - 1 }),
    dashboard(`region (Marrakech-Safi), ${year - 1}`, 'national', { level: 'region', id: marrakechSafi, year: year - 1 }),
    dashboard(`region (Souss-Massa), ${year - 1}, as its coordinator`, 'region', { year: year - 1 }),
    dashboard(`delegation (Agadir Ida-Outanane), ${year - 1}`, 'national', { level: 'delegation', id: agadir, year: year - 1 }),
    dashboard(`delegation (Agadir Ida-Outanane), ${year - 1}, as its delegate`, 'delegation', { year: year - 1 }),
    { group: 'dashboard', label: 'regularity per region, 5 years', user: 'national', path: `/api/subsidies/dashboard/regularity?${q({ from: year - 4, to: year })}`, target: SUBSIDY_TARGETS.dashboard },
    { group: 'dashboard', label: 'regularity per delegation (Souss-Massa), 5 years', user: 'national', path: `/api/subsidies/dashboard/regularity?${q({ regionId: soussMassa, from: year - 4, to: year })}`, target: SUBSIDY_TARGETS.dashboard },
    late('nation, all', 'national', {}, 5),
    late('nation, still unpaid', 'national', { state: 'open' }, 5),
    late('nation, one year', 'national', { year: year - 1 }),
    late('region (Marrakech-Safi)', 'national', { regionId: marrakechSafi }, 5),
    late('region, as its coordinator', 'region', {}, 5),
    late('delegation, as its delegate', 'delegation', {}),
    late('delegation, still unpaid, as its delegate', 'delegation', { state: 'open' }),
  ];
}

/**
 * Writes the conventions, tranches, disbursements and reviews in a few set-based statements as
 * the owner (every row through the constraints, the scope-key, audit and figures triggers).
 * The spread comes from hashes of the row numbers and ids: the proportions hold from run to run, the rows differ.
 */
export async function generateSubsidies(client: pg.ClientBase, options: { conventions?: number; first?: number; today?: string } = {}): Promise<void> {
  const today = options.today ?? todayInMorocco();
  const year = Number(today.slice(0, 4));
  const { tranchesPerConvention, years } = NATIONAL_SUBSIDIES;
  const conventions = options.conventions ?? NATIONAL_SUBSIDIES.conventions;
  const first = options.first ?? 0;
  // Conventions: one year each, spread evenly over the 5 years; 85 % a delegation's, 10 % a region's, 5 % central's.
  await client.query('CREATE TEMP TABLE bench_batch (id uuid PRIMARY KEY) ON COMMIT DROP');
  await client.query(`
    WITH a AS (
      SELECT id, region_id, delegation_id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM registry.associations WHERE delegation_id IS NOT NULL AND rib IS NOT NULL),
    inserted AS (
    INSERT INTO subsidies.conventions (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, status, signed_on, region_id, delegation_id)
    SELECT o.level, a.id, 'اتفاقية دعم التسيير رقم ' || g, 'Convention de soutien au fonctionnement n° ' || g,
           make_date(y.y, 1, 1), make_date(y.y, 12, 31), t.total, 'signed', make_date(y.y, 1, 1) - 20,
           CASE WHEN o.level = 'central' THEN NULL ELSE a.region_id END, CASE WHEN o.level = 'delegation' THEN a.delegation_id END
    FROM generate_series($4::int, $4::int + $1::int - 1) g
    JOIN a ON a.n = (g * 7919) % a.total
    CROSS JOIN LATERAL (SELECT $2::int - $3::int + 1 + g % $3::int AS y) y
    CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 = 0 THEN 'central' WHEN g % 10 = 3 THEN 'region' ELSE 'delegation' END AS level) o
    CROSS JOIN LATERAL (SELECT (40000 + ((hashint4(g) & 2147483647) % 400) * 1000)::numeric(14, 2) AS total) t
    RETURNING id)
    INSERT INTO bench_batch SELECT id FROM inserted`,
  [conventions, year, years, first]);
  // Entraide Nationale as the funding partner, its amount for the convention's year = the total.
  await client.query(`
    WITH p AS (
      INSERT INTO subsidies.convention_partners (convention_id, kind, name_ar, name_fr)
      SELECT id, 'entraide_nationale', 'التعاون الوطني', 'Entraide Nationale' FROM bench_batch
      RETURNING id, convention_id)
    INSERT INTO subsidies.convention_amounts (convention_id, partner_id, year, amount_mad)
    SELECT c.id, p.id, extract(year FROM c.starts_on)::int, c.total_mad FROM p JOIN subsidies.conventions c ON c.id = p.convention_id`);
  // Tranches: quarterly, a quarter of the total each. Past ones: ~55 % paid on time, ~25 % paid
  // late (1–120 days), ~8 % paid in part, ~7 % released and waiting, ~5 % blocked (not released).
  // The plan is kept aside: a tranche is written released, its disbursements then make it paid.
  await client.query(`
    CREATE TEMP TABLE bench_tranche_plan ON COMMIT DROP AS
    WITH c AS (SELECT id, starts_on, total_mad, extract(year FROM starts_on)::int AS y FROM subsidies.conventions WHERE id IN (SELECT id FROM bench_batch)),
    t AS (
      SELECT c.id AS convention_id, c.y, p, make_date(c.y, 3 * p - 1, 15) AS planned_on, round(c.total_mad / $2::int, 2) AS amount,
             (hashtext(c.id::text || p) & 2147483647) % 100 AS r, (hashtext(p || c.id::text) & 2147483647) % 120 AS d
      FROM c CROSS JOIN generate_series(1, $2::int) p),
    s AS (
      SELECT t.*, CASE
          WHEN t.planned_on >= $1::date THEN 'planned'
          WHEN t.r < 55 AND t.planned_on - 10 + t.d % 11 <= $1::date THEN 'paid_on_time'
          WHEN t.r < 80 AND t.planned_on + 1 + t.d <= $1::date THEN 'paid_late'
          WHEN t.r < 88 THEN 'partial'
          WHEN t.r < 95 THEN 'released'
          ELSE 'blocked' END AS fate
      FROM t)
    SELECT s.*, CASE WHEN fate IN ('planned', 'blocked') THEN NULL WHEN fate = 'paid_on_time' THEN planned_on - 12 ELSE least(planned_on + d / 2, $1::date) END AS released_on,
           CASE fate WHEN 'paid_on_time' THEN planned_on - 10 + d % 11 WHEN 'paid_late' THEN planned_on + 1 + d END AS paid_on
    FROM s`, [today, tranchesPerConvention]);
  await client.query(`
    INSERT INTO subsidies.tranches (convention_id, year, position, planned_on, amount_mad, status, conditions_met_on, released_on)
    SELECT convention_id, y, p, planned_on, amount, CASE WHEN released_on IS NULL THEN 'planned' ELSE 'released' END,
           CASE WHEN fate = 'paid_on_time' THEN planned_on - 15 ELSE released_on END, released_on
    FROM bench_tranche_plan`);
  // Disbursements: the whole amount on the paid date; half of it, on the release day, for the partly paid.
  await client.query(`
    INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib)
    SELECT t.id, 'OP-' || t.year || '-' || t.position, 'VIR-' || left(t.id::text, 8), coalesce(b.paid_on, b.released_on),
           CASE WHEN b.paid_on IS NOT NULL THEN t.amount_mad ELSE round(t.amount_mad / 2, 2) END, a.rib
    FROM bench_tranche_plan b
    JOIN subsidies.tranches t ON t.convention_id = b.convention_id AND t.year = b.y AND t.position = b.p
    JOIN registry.associations a ON a.id = t.association_id
    WHERE b.paid_on IS NOT NULL OR (b.fate = 'partial' AND (hashtext(t.id::text) & 2147483647) % 100 < 80)`);
  // The tranches part marks a tranche paid when a disbursement completes it; without that part, this does.
  await client.query(`
    UPDATE subsidies.tranches t SET status = 'paid', paid_on = b.paid_on
    FROM bench_tranche_plan b WHERE t.convention_id = b.convention_id AND t.year = b.y AND t.position = b.p AND b.paid_on IS NOT NULL AND t.status = 'released'`);
  // Reviews of paid tranches: most justified, some partly, a few rejected, some still waiting.
  await client.query(`
    INSERT INTO subsidies.justifications (tranche_id, submitted_on, state, accepted_mad, review_reason, reviewed_on)
    SELECT t.id, least(t.paid_on + 60, $1::date), v.state,
           CASE v.state WHEN 'justified' THEN t.amount_mad WHEN 'partly_justified' THEN round(t.amount_mad * 0.8, 2) WHEN 'rejected' THEN 0 END,
           CASE WHEN v.state IN ('partly_justified', 'rejected') THEN 'Pièces justificatives incomplètes' END,
           CASE WHEN v.state <> 'submitted' THEN least(t.paid_on + 80, $1::date) END
    FROM subsidies.tranches t
    CROSS JOIN LATERAL (SELECT CASE WHEN (hashtext(t.id::text || 'j') & 2147483647) % 100 < 60 THEN 'justified'
                                    WHEN (hashtext(t.id::text || 'j') & 2147483647) % 100 < 75 THEN 'partly_justified'
                                    WHEN (hashtext(t.id::text || 'j') & 2147483647) % 100 < 80 THEN 'rejected'
                                    WHEN (hashtext(t.id::text || 'j') & 2147483647) % 100 < 90 THEN 'submitted' END AS state) v
    WHERE t.status = 'paid' AND t.convention_id IN (SELECT id FROM bench_batch) AND v.state IS NOT NULL`, [today]);
}

/** The registry, then the subsidies, then VACUUM ANALYZE; returns the time each took and what the database holds. */
export async function generateNationalSubsidies(ownerUrl: string): Promise<{ registryMs: number; subsidiesMs: number; totals: Record<string, number> }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    let started = performance.now();
    await client.query('BEGIN');
    await generateNationalRegistry(client, NATIONAL_REGISTRY);
    await client.query('COMMIT');
    const registryMs = performance.now() - started;
    started = performance.now();
    // In batches of 1,000 conventions, one transaction each: the tranches part takes an advisory lock
    // per convention and per tranche paid, more than one transaction's lock table holds at national scale.
    for (let first = 0; first < NATIONAL_SUBSIDIES.conventions; first += 1000) {
      await client.query('BEGIN');
      await generateSubsidies(client, { first, conventions: Math.min(1000, NATIONAL_SUBSIDIES.conventions - first) });
      await client.query('COMMIT');
    }
    const subsidiesMs = performance.now() - started;
    await client.query('VACUUM ANALYZE');
    const { rows: [totals] } = await client.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM subsidies.conventions)::int AS conventions, (SELECT count(*) FROM subsidies.tranches)::int AS tranches,
             (SELECT count(*) FROM subsidies.disbursements)::int AS disbursements, (SELECT count(*) FROM subsidies.justifications)::int AS justifications,
             (SELECT count(*) FROM subsidies.tranche_summary WHERE counted AND planned_on < current_date AND (completed_on IS NULL OR completed_on > planned_on))::int AS "late tranches"`);
    return { registryMs, subsidiesMs, totals: totals! };
  } finally {
    await client.end();
  }
}

export interface SubsidyResult {
  case: SubsidyCase;
  page: 'first' | number;
  rows: number;
  latency: Latency | null;
  error?: string;
}

/** Runs the cases with the registry's runner (same warm-up, count and later-page walk). */
export async function runSubsidyCases(sessions: Record<SubsidyUser, ApiSession>, cases: SubsidyCase[], log: (line: string) => void): Promise<SubsidyResult[]> {
  const results: SubsidyResult[] = [];
  for (const c of cases) {
    // One runner for every benchmark: the registry's, given this case's session as its "national" user.
    const asRegistry: RegistryCase = { group: 'list', label: `${c.group} ${c.label}`, user: 'national', path: c.path, ...(c.laterPage && { laterPage: c.laterPage }), ...(c.target && { target: c.target }) };
    const measured = await runRegistryCases({ national: sessions[c.user], delegation: sessions[c.user] }, [asRegistry], { log });
    for (const m of measured) results.push({ case: c, page: m.page, rows: m.rows, latency: m.latency, ...(m.error && { error: m.error }) });
  }
  return results;
}


const fmt = (n: number) => n.toLocaleString('en');

export function subsidiesSection(results: SubsidyResult[], meta: { command: string; when: Date; registryMs: number; subsidiesMs: number; totals: Record<string, number>; load: string }): string[] {
  const lines = [
    SUBSIDIES_TITLE,
    '',
    `Produced by \`${meta.command}\` on ${meta.when.toISOString().slice(0, 16).replace('T', ' ')} UTC. Data: the demo, a generated national registry`,
    `(${fmt(NATIONAL_REGISTRY.institutions)} institutions, ${fmt(NATIONAL_REGISTRY.associations)} founders, ${(meta.registryMs / 1000).toFixed(1)} s), then \`generateSubsidies\` (bench/subsidies.ts,`,
    `${(meta.subsidiesMs / 1000).toFixed(1)} s): ${fmt(NATIONAL_SUBSIDIES.conventions)} signed conventions over ${NATIONAL_SUBSIDIES.years} years (85 % a delegation's, 10 % a region's, 5 % central's),`,
    `${NATIONAL_SUBSIDIES.tranchesPerConvention} quarterly tranches each, paid on time, late or in part, released and waiting, blocked, future; their`,
    'disbursements and reviews. In the database: ' + Object.entries(meta.totals).map(([k, v]) => `${fmt(v)} ${k}`).join(', ') + '.',
    '',
    'After `VACUUM ANALYZE`, each case: 20 warm-up requests, then 200 sequential requests on one keep-alive connection, timed at the client,',
    'each in its own scoped transaction with row-level security. "national" is `central`, "region" is `souss-massa` (Souss-Massa),',
    '"delegation" is `agadir` (Agadir Ida-Outanane). A later page follows `nextCursor` 5 times (page 6, 50 rows a page).',
    `Machine load (1-minute load average on 2 cores shared with the other engineers) during the run: ${meta.load}.`,
    '',
  ];
  lines.push(...caseTables(results, { dashboard: 'Dashboard `GET /api/subsidies/dashboard…`', late: 'Late tranches `GET /api/subsidies/late-tranches`' }));
  return lines;
}
