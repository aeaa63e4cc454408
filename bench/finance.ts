/**
 * Issue 9 benchmark: institution finance at national scale. On the generated national registry
 * (5,000 institutions), ten years of books: a chart of 20 lines, one budget per institution and
 * year, 20,000,000 ledger lines written by set-based SQL (generate_series, one statement a year),
 * and the running totals computed from those same rows (monthly, then yearly), so the figures are
 * exactly those the triggers would have kept. Measured: an institution's budget against actual
 * for a year, the national consolidation by region for a year (both through the API), and
 * entering a payment (the ledger insert with all its triggers, as the application role).
 */
import pg from 'pg';
import type { ApiSession } from './jobs.ts';
import { BenchRouteError, get, timeGet, summarise, type Latency } from './latency.ts';

export const FINANCE_TITLE = '## Institution finance (issue 9)';
export const FINANCE_TARGETS = { budgetVsActual: 50, consolidation: 300, payment: 20 } as const;
/**
 * Ten years ending in 2025, 400 lines per institution and year. RAAYA_BENCH_FINANCE_YEARS: fewer
 * years (the last ones), when the machine cannot generate all ten in the time at hand — the section
 * then states the smaller scale; RAAYA_BENCH_FINANCE_ENTRIES: fewer lines, to try the run quickly.
 */
const years = Number(process.env.RAAYA_BENCH_FINANCE_YEARS ?? 10);
export const FINANCE_SCALE = { years, firstYear: 2026 - years, entriesPerInstitutionYear: Number(process.env.RAAYA_BENCH_FINANCE_ENTRIES ?? 400) } as const;

/** 6 revenue lines and 14 expenditure lines in the three sections (bench codes, beside any seeded chart). */
const CHART: [code: string, kind: 'revenue' | 'expenditure', section: string | null, food: boolean, grant: boolean][] = [
  ['bench_en_subsidy', 'revenue', null, false, false], ['bench_indh', 'revenue', null, false, false],
  ['bench_commune', 'revenue', null, false, false], ['bench_donations', 'revenue', null, false, true],
  ['bench_in_kind', 'revenue', null, false, true], ['bench_carry_over', 'revenue', null, false, false],
  ['bench_food', 'expenditure', 'operating', true, false], ['bench_water', 'expenditure', 'operating', false, false],
  ['bench_power', 'expenditure', 'operating', false, false], ['bench_medicines', 'expenditure', 'operating', false, false],
  ['bench_insurance', 'expenditure', 'operating', false, false], ['bench_cleaning', 'expenditure', 'operating', false, false],
  ['bench_transport', 'expenditure', 'operating', false, false], ['bench_furniture', 'expenditure', 'equipment', false, false],
  ['bench_kitchen', 'expenditure', 'equipment', false, false], ['bench_works', 'expenditure', 'equipment', false, false],
  ['bench_salaries', 'expenditure', 'staff', false, false], ['bench_social', 'expenditure', 'staff', false, false],
  ['bench_training', 'expenditure', 'staff', false, false], ['bench_allowances', 'expenditure', 'staff', false, false],
];

export interface GeneratedFinance {
  institutions: number;
  entries: number;
  monthlyTotals: number;
  yearlyTotals: number;
  budgets: number;
  ms: number;
}

/** Generates the books. Triggers are set aside during the bulk load and the totals computed from the rows. */
export async function generateFinance(ownerUrl: string, log: (m: string) => void): Promise<GeneratedFinance> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET work_mem = '256MB'`);
    await client.query('SET maintenance_work_mem = \'512MB\'');
    await client.query('BEGIN');
    for (const [i, [code, kind, section, food, grant]] of CHART.entries()) {
      await client.query(
        `INSERT INTO finance.budget_lines (code, kind, section, name_ar, name_fr, is_food, is_grant, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (code) DO NOTHING`,
        [code, kind, section, `بند ${i + 1}`, `Ligne ${i + 1}`, food, grant, i],
      );
    }
    await client.query(`CREATE TEMP TABLE bench_lines AS
      SELECT row_number() OVER (ORDER BY position, code) - 1 AS n, code, kind FROM finance.budget_lines WHERE code LIKE 'bench\\_%'`);
    // The generated institutions: those with no books yet (the demo's own institutions keep theirs).
    await client.query(`CREATE TEMP TABLE bench_targets AS
      SELECT i.id FROM registry.institutions i
      WHERE NOT EXISTS (SELECT 1 FROM finance.budgets b WHERE b.institution_id = i.id)
        AND NOT EXISTS (SELECT 1 FROM finance.accounts a WHERE a.institution_id = i.id)`);
    await client.query(`INSERT INTO finance.accounts (institution_id, kind, opening_date, opening_balance_mad)
      SELECT id, 'cash', make_date(${FINANCE_SCALE.firstYear}, 1, 1), 10000 FROM bench_targets`);
    await client.query('COMMIT');
    // One year of budgets per transaction: each budget takes an advisory lock (its version check),
    // and 50,000 of them in one transaction would exhaust the lock table.
    for (let y = FINANCE_SCALE.firstYear; y < FINANCE_SCALE.firstYear + FINANCE_SCALE.years; y++) {
      await client.query(`INSERT INTO finance.budgets (institution_id, year) SELECT i.id, ${y} FROM bench_targets i`);
    }
    await client.query('BEGIN');
    // Budget amounts: the guard and key triggers set aside (no submission exists yet), keys written here.
    await client.query('ALTER TABLE finance.budget_amounts DISABLE TRIGGER USER');
    await client.query(`INSERT INTO finance.budget_amounts (budget_id, line_code, kind, amount_mad, institution_id, region_id, delegation_id, association_id)
      SELECT b.id, l.code, l.kind, CASE l.kind WHEN 'revenue' THEN 28000 ELSE 12000 END, b.institution_id, b.region_id, b.delegation_id, b.association_id
      FROM finance.budgets b JOIN bench_targets i ON i.id = b.institution_id CROSS JOIN bench_lines l`);
    await client.query('ALTER TABLE finance.budget_amounts ENABLE TRIGGER USER');
    await client.query(`INSERT INTO finance.budget_totals (budget_id, revenue_mad, expenditure_mad, institution_id, region_id, delegation_id, association_id)
      SELECT b.id, sum(a.amount_mad) FILTER (WHERE a.kind = 'revenue'), sum(a.amount_mad) FILTER (WHERE a.kind = 'expenditure'),
        b.institution_id, b.region_id, b.delegation_id, b.association_id
      FROM finance.budgets b JOIN finance.budget_amounts a ON a.budget_id = b.id
      WHERE a.line_code LIKE 'bench\\_%'
      GROUP BY b.id`);
    await client.query('COMMIT');
    log(`[bench] finance: chart, accounts and budgets in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    await client.query(`CREATE TEMP TABLE bench_institutions AS
      SELECT row_number() OVER (ORDER BY i.id) AS n, i.id, a.id AS account_id, i.region_id, i.delegation_id, i.association_id
      FROM bench_targets t JOIN registry.institutions i ON i.id = t.id JOIN finance.accounts a ON a.institution_id = i.id AND a.kind = 'cash'`);
    await client.query('ALTER TABLE finance.entries DISABLE TRIGGER USER');
    await client.query('ALTER TABLE finance.monthly_totals DISABLE TRIGGER USER');
    await client.query('ALTER TABLE finance.yearly_totals DISABLE TRIGGER USER');
    // The foreign keys' own per-row checks too (the owner is the cluster's superuser): every id
    // written below is taken from the rows it points to.
    await client.query(`SET session_replication_role = replica`);
    try {
      for (let y = FINANCE_SCALE.firstYear; y < FINANCE_SCALE.firstYear + FINANCE_SCALE.years; y++) {
        const t = performance.now();
        await client.query('BEGIN');
        // 400 lines per institution and year, spread over the days and the 20 lines. Written in
        // institution order with increasing ids, so every index grows at its end or within one
        // institution's range instead of at random places (the ids are opaque anyway).
        // The year's monthly and yearly totals are summed from the rows as they are inserted
        // (data-modifying CTEs), so that no year rescans what the earlier years have filled.
        await client.query(`WITH inserted AS (
            INSERT INTO finance.entries (id, institution_id, journal, account_id, entry_date, direction, line_code, amount_mad,
              counterparty, means, region_id, delegation_id, association_id)
            SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(${y - FINANCE_SCALE.firstYear}::bigint * 10000000000 + i.n * 100000 + g), 12, '0'))::uuid,
              i.id, 'cash', i.account_id, make_date(${y}, 1, 1) + ((g * 7919 + i.n * 31) % 365)::int,
              CASE l.kind WHEN 'revenue' THEN 'receipt' ELSE 'payment' END, l.code, round((20 + random() * 2000)::numeric, 2),
              'F', 'cash', i.region_id, i.delegation_id, i.association_id
            FROM bench_institutions i
            CROSS JOIN generate_series(1, ${FINANCE_SCALE.entriesPerInstitutionYear}) g
            JOIN bench_lines l ON l.n = g % 20
            ORDER BY i.n, g
            RETURNING institution_id, entry_date, line_code, amount_mad, region_id, delegation_id, association_id)
          , monthly AS (
            INSERT INTO finance.monthly_totals (institution_id, month, line_code, amount_mad, entry_count, region_id, delegation_id, association_id)
            SELECT institution_id, date_trunc('month', entry_date)::date, line_code, sum(amount_mad), count(*),
              min(region_id::text)::uuid, min(delegation_id::text)::uuid, min(association_id::text)::uuid
            FROM inserted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            RETURNING institution_id, line_code, amount_mad, entry_count, region_id, delegation_id, association_id)
          INSERT INTO finance.yearly_totals (institution_id, year, line_code, amount_mad, entry_count, region_id, delegation_id, association_id)
          SELECT institution_id, ${y}, line_code, sum(amount_mad), sum(entry_count),
            min(region_id::text)::uuid, min(delegation_id::text)::uuid, min(association_id::text)::uuid
          FROM monthly GROUP BY 1, 3 ORDER BY 1, 3`);
        await client.query(`INSERT INTO finance.institution_year_totals (institution_id, year, revenue_mad, expenditure_mad, operating_mad, equipment_mad,
            staff_mad, food_mad, region_id, delegation_id, association_id)
          SELECT y.institution_id, ${y}, coalesce(sum(y.amount_mad) FILTER (WHERE l.kind = 'revenue'), 0),
            coalesce(sum(y.amount_mad) FILTER (WHERE l.kind = 'expenditure'), 0), coalesce(sum(y.amount_mad) FILTER (WHERE l.section = 'operating'), 0),
            coalesce(sum(y.amount_mad) FILTER (WHERE l.section = 'equipment'), 0), coalesce(sum(y.amount_mad) FILTER (WHERE l.section = 'staff'), 0),
            coalesce(sum(y.amount_mad) FILTER (WHERE l.is_food), 0),
            min(y.region_id::text)::uuid, min(y.delegation_id::text)::uuid, min(y.association_id::text)::uuid
          FROM finance.yearly_totals y JOIN bench_targets t ON t.id = y.institution_id JOIN finance.budget_lines l ON l.code = y.line_code
          WHERE y.year = ${y}
          GROUP BY y.institution_id ORDER BY y.institution_id`);
        await client.query('COMMIT');
        log(`[bench] finance: year ${y} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    } catch (error) {
      // The statement's own error, not the aborted transaction's refusals of what follows.
      await client.query('ROLLBACK');
      throw error;
    } finally {
      await client.query(`SET session_replication_role = DEFAULT`);
      await client.query('ALTER TABLE finance.entries ENABLE TRIGGER USER');
      await client.query('ALTER TABLE finance.monthly_totals ENABLE TRIGGER USER');
      await client.query('ALTER TABLE finance.yearly_totals ENABLE TRIGGER USER');
    }
    const ms = performance.now() - started;
    log('[bench] finance: VACUUM ANALYZE…');
    await client.query('VACUUM ANALYZE finance.entries, finance.monthly_totals, finance.yearly_totals, finance.institution_year_totals, finance.budgets, finance.budget_amounts, finance.budget_totals, finance.accounts');
    const { rows } = await client.query<{ institutions: string; entries: string; monthly: string; yearly: string; budgets: string }>(`SELECT
      (SELECT count(*) FROM bench_targets) AS institutions, (SELECT count(*) FROM finance.entries) AS entries,
      (SELECT count(*) FROM finance.monthly_totals) AS monthly, (SELECT count(*) FROM finance.yearly_totals) AS yearly,
      (SELECT count(*) FROM finance.budgets) AS budgets`);
    const r = rows[0]!;
    return { institutions: Number(r.institutions), entries: Number(r.entries), monthlyTotals: Number(r.monthly), yearlyTotals: Number(r.yearly), budgets: Number(r.budgets), ms };
  } finally {
    await client.end();
  }
}

/** Checks that the generated totals are those of the rows (one institution, every year): nothing is measured on inconsistent data. */
export async function checkTotals(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ entries: string; monthly: string; yearly: string; summary: string }>(`
      WITH i AS (SELECT institution_id AS id FROM finance.entries WHERE id = ('00000000-0000-4000-8000-' || lpad(to_hex(100001), 12, '0'))::uuid)
      SELECT (SELECT sum(amount_mad) FROM finance.entries WHERE institution_id = (SELECT id FROM i))::text AS entries,
             (SELECT sum(amount_mad) FROM finance.monthly_totals WHERE institution_id = (SELECT id FROM i))::text AS monthly,
             (SELECT sum(amount_mad) FROM finance.yearly_totals WHERE institution_id = (SELECT id FROM i))::text AS yearly,
             (SELECT sum(revenue_mad + expenditure_mad) FROM finance.institution_year_totals WHERE institution_id = (SELECT id FROM i))::text AS summary`);
    const r = rows[0]!;
    if (r.entries !== r.monthly || r.monthly !== r.yearly || r.yearly !== r.summary) throw new Error(`generated totals disagree: ${JSON.stringify(r)}`);
  } finally {
    await client.end();
  }
}

export async function sampleInstitutions(ownerUrl: string, count = 50): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM registry.institutions ORDER BY md5(id::text) LIMIT $1`, [count]);
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** An institution's budget against actual: sequential requests rotating over sampled institutions. */
export async function timeBudgetVsActual(session: ApiSession, institutions: string[], year: number, requests = 200): Promise<Latency> {
  const durations: number[] = [];
  for (let i = 0; i < 20 + requests; i++) {
    const path = `/api/finance/reports/institutions/${institutions[i % institutions.length]!}/budget-vs-actual?year=${year}`;
    const started = performance.now();
    const response = await get(session, path);
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new BenchRouteError([{ path, status: response.status, body }]);
    if (i >= 20) durations.push(ms);
  }
  return summarise(durations);
}

export const timeConsolidation = (session: ApiSession, year: number, requests = 40): Promise<Latency> =>
  timeGet(session, `/api/finance/consolidation?year=${year}`, { warmup: 5, requests });

/**
 * Entering a payment: one transaction as the application role with a director's settings (as
 * access.begin_request sets them), the ledger insert with its triggers (scope keys, closed month,
 * monthly and yearly totals, audit), then COMMIT. The books' HTTP route adds its session check.
 */
export async function timePayments(appUrl: string, ownerUrl: string, institutions: string[], requests = 300): Promise<Latency> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const targets: { institution: string; account: string; user: string }[] = [];
  try {
    for (const id of institutions) {
      const { rows } = await owner.query<{ account: string; user: string }>(`
        WITH u AS (INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, role, scope_level, institution_id)
                   VALUES ($2, '!bench', 'مدير', 'Directeur', 'institution_director', 'institution', $1) RETURNING id)
        SELECT (SELECT id FROM finance.accounts WHERE institution_id = $1 AND kind = 'cash') AS account, (SELECT id FROM u) AS user`, [id, `bench-dir-${id.slice(0, 8)}`]);
      targets.push({ institution: id, account: rows[0]!.account, user: rows[0]!.user });
    }
  } finally {
    await owner.end();
  }
  const app = new pg.Client({ connectionString: appUrl });
  await app.connect();
  const durations: number[] = [];
  try {
    for (let i = 0; i < 20 + requests; i++) {
      const t = targets[i % targets.length]!;
      const started = performance.now();
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.user_id', $1, true), set_config('app.scope_level', 'institution', true), set_config('app.institution_id', $2, true),
        set_config('app.role', 'institution_director', true)`, [t.user, t.institution]);
      await app.query(`INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, created_by)
        VALUES ($1, 'cash', $2, current_date, 'payment', 'bench_food', '125.50', 'Épicerie', 'cash', $3) RETURNING id`, [t.institution, t.account, t.user]);
      await app.query('COMMIT');
      if (i >= 20) durations.push(performance.now() - started);
    }
  } finally {
    await app.end();
  }
  return summarise(durations);
}

const fmt = (n: number) => n.toFixed(1);
const row = (name: string, l: Latency, target: number) =>
  `| ${name} | ${l.requests} | ${fmt(l.p50)} | ${fmt(l.p95)} | ${fmt(l.p99)} | ${target} | ${l.p95 <= target ? 'met' : 'missed'} |`;

export function financeSection(r: { budgetVsActual: Latency; consolidation: Latency; payment: Latency }, meta: { command: string; generated: GeneratedFinance; when: Date; load: string; year: number }): string[] {
  const g = meta.generated;
  return [
    FINANCE_TITLE,
    '',
    `Command: \`${meta.command}\` (${meta.when.toISOString().slice(0, 16)} UTC; machine load before measuring: ${meta.load}).`,
    `Data: the generated national registry, whose ${g.institutions.toLocaleString('en')} institutions without books get ${FINANCE_SCALE.years} years (${FINANCE_SCALE.firstYear}–${FINANCE_SCALE.firstYear + FINANCE_SCALE.years - 1}) of books:`,
    `${g.entries.toLocaleString('en')} ledger lines, ${g.monthlyTotals.toLocaleString('en')} monthly totals, ${g.yearlyTotals.toLocaleString('en')} yearly totals, ${g.budgets.toLocaleString('en')} budgets of 20 lines;`,
    `generated by set-based SQL in ${(g.ms / 1000).toFixed(0)} s (totals computed from the rows and checked against them before measuring).`,
    `Measured year: ${meta.year}. Times in milliseconds, as the client sees them (sequential requests, one keep-alive connection, after a warm-up).`,
    '',
    '| case | requests | p50 | p95 | p99 | target p95 | |',
    '|---|---|---|---|---|---|---|',
    row('Budget against actual of an institution `GET /api/finance/reports/institutions/:id/budget-vs-actual` (50 institutions in turn)', r.budgetVsActual, FINANCE_TARGETS.budgetVsActual),
    row('National consolidation by region `GET /api/finance/consolidation` (central user)', r.consolidation, FINANCE_TARGETS.consolidation),
    row('Entering a payment (BEGIN, director settings, ledger insert with its triggers and totals, COMMIT; application role)', r.payment, FINANCE_TARGETS.payment),
    '',
    'No overnight pre-computation: `finance.monthly_totals` and `finance.yearly_totals` are written by triggers in the entry\'s own transaction (decision 0032).',
    '',
  ];
}
