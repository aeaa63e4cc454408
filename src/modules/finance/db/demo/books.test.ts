/**
 * The books' demo on a copy of the demo database: every social welfare institution of the two
 * demo delegations has its accounts, approved balanced budgets, a full year of entries, closed
 * months with non-negative cash, grants reported (some late), and the two profiles the reports
 * must flag (over budget, below the minimum daily cost). The director's institution has a bank
 * statement, partly reconciled, which the API shows.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Closings, Reconciliation } from '../../server/books/contract.ts';
import { seedDemoBooks } from './books.ts';

let server: TestServer;
const today = todayInMorocco();
const lastYear = Number(today.slice(0, 4)) - 1;

beforeAll(async () => {
  server = await startTestServer({}, { demo: true });
}, 120_000);
afterAll(() => server.close());

describe('the books demo', () => {
  it('is seeded with the demo, once: a second run writes nothing', async () => {
    const client = new pg.Client({ connectionString: server.ownerUrl });
    await client.connect();
    try {
      expect(await seedDemoBooks(client, today)).toEqual({ institutions: 0, entries: 0 });
    } finally {
      await client.end();
    }
  });

  it('gives every demo institution its accounts, approved balanced budgets and a full year of entries', async () => {
    const perInstitution = await server.owner<{ id: string; months: number; budgets: number; unbalanced: number; approved: number }>(
      `SELECT i.id,
         (SELECT count(DISTINCT date_trunc('month', e.entry_date)) FROM finance.entries e WHERE e.institution_id = i.id AND extract(year FROM e.entry_date) = $1)::int AS months,
         (SELECT count(*) FROM finance.budgets b WHERE b.institution_id = i.id)::int AS budgets,
         (SELECT count(*) FROM finance.budgets b WHERE b.institution_id = i.id AND
            (SELECT sum(amount_mad) FILTER (WHERE kind = 'revenue') - sum(amount_mad) FILTER (WHERE kind = 'expenditure') FROM finance.budget_amounts a WHERE a.budget_id = b.id) <> 0)::int AS unbalanced,
         (SELECT count(*) FROM finance.budgets b JOIN approvals.submissions s ON s.subject_id = b.id AND s.state = 'approved' WHERE b.institution_id = i.id)::int AS approved
       FROM finance.accounts a JOIN registry.institutions i ON i.id = a.institution_id WHERE a.kind = 'bank'`,
      [lastYear],
    );
    expect(perInstitution.length).toBeGreaterThanOrEqual(15);
    for (const i of perInstitution) expect(i).toMatchObject({ months: 12, budgets: 2, unbalanced: 0, approved: 2 });
  });

  it('closes every month but the last two, never with a negative cash box', async () => {
    const [closed] = await server.owner<{ institutions: number; min_months: number; max_month: string; min_cash: string }>(
      `SELECT count(DISTINCT institution_id)::int AS institutions, min(n)::int AS min_months, max(last)::text AS max_month, min(min_cash)::text AS min_cash
       FROM (SELECT institution_id, count(*) AS n, max(month) AS last, min(cash_balance_mad) AS min_cash FROM finance.closed_months GROUP BY 1) c`,
    );
    expect(closed!.min_months).toBeGreaterThanOrEqual(12);
    const lastClosed = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    lastClosed.setUTCMonth(lastClosed.getUTCMonth() - 2);
    expect(closed!.max_month).toBe(lastClosed.toISOString().slice(0, 10));
    expect(Number(closed!.min_cash)).toBeGreaterThanOrEqual(0);
  });

  it('has institutions over their food budget and institutions below the minimum daily cost', async () => {
    const rows = await server.owner<{ id: string; food_ratio: string; per_place_day: string; minimum: string }>(
      `SELECT i.id,
         (SELECT sum(t.amount_mad) FROM finance.monthly_totals t WHERE t.institution_id = i.id AND t.line_code = 'op_food' AND extract(year FROM t.month) = $1)
           / (SELECT a.amount_mad FROM finance.budget_amounts a JOIN finance.budgets b ON b.id = a.budget_id WHERE b.institution_id = i.id AND b.year = $1 AND a.line_code = 'op_food') AS food_ratio,
         (SELECT sum(t.amount_mad) FROM finance.monthly_totals t JOIN finance.budget_lines l ON l.code = t.line_code
           WHERE t.institution_id = i.id AND l.kind = 'expenditure' AND extract(year FROM t.month) = $1) / (greatest(i.capacity_male + i.capacity_female, 20) * 0.85 * 365) AS per_place_day,
         coalesce((SELECT r.amount_mad FROM finance.daily_cost_references r WHERE r.legal_category = i.legal_category AND r.year <= $1 ORDER BY r.year DESC LIMIT 1), 30) AS minimum
       FROM registry.institutions i WHERE EXISTS (SELECT 1 FROM finance.accounts a WHERE a.institution_id = i.id)`,
      [lastYear],
    );
    const over = rows.filter((r) => Number(r.food_ratio) > 1.1);
    const below = rows.filter((r) => Number(r.per_place_day) < Number(r.minimum));
    expect(over.length).toBeGreaterThanOrEqual(2);
    expect(below.length).toBeGreaterThanOrEqual(2);
    expect(rows.length - over.length - below.length).toBeGreaterThanOrEqual(5);
  });

  it('reports most grants within 10 days, some late, and leaves recent ones to report', async () => {
    const [g] = await server.owner<{ total: number; reported: number; late: number; open_late: number }>(
      `SELECT count(*)::int AS total, count(r.entry_id)::int AS reported,
         count(*) FILTER (WHERE r.reported_on > e.entry_date + 10)::int AS late,
         count(*) FILTER (WHERE r.entry_id IS NULL AND e.entry_date + 10 < $1::date)::int AS open_late
       FROM finance.entries e LEFT JOIN finance.grant_reports r ON r.entry_id = e.id WHERE e.donor_type IS NOT NULL AND e.reverses_id IS NULL`,
      [today],
    );
    expect(g!.reported / g!.total).toBeGreaterThan(0.7);
    expect(g!.late).toBeGreaterThan(0);
    expect(g!.open_late).toBeGreaterThan(0);
  });

  it("shows the director's institution its closings and a partly reconciled statement", async () => {
    const [row] = await server.owner<{ institution_id: string }>(`SELECT institution_id FROM access.users WHERE username = 'agadir-director'`);
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: row!.institution_id }, language: 'ar' });
    const base = `/api/finance/institutions/${row!.institution_id}`;
    const closings = (await director.get(`${base}/closings?year=${lastYear}`)).json() as Closings;
    expect(closings.months.every((m) => m.closed && Number(m.paymentsMad) > 0)).toBe(true);
    const lastMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
    lastMonth.setUTCDate(0);
    const to = lastMonth.toISOString().slice(0, 10);
    const rec = (await director.get(`${base}/reconciliations?from=${to.slice(0, 8)}01&to=${to}`)).json() as Reconciliation;
    expect(rec.lines.some((l) => l.entryId)).toBe(true);
    expect(rec.lines.some((l) => !l.entryId)).toBe(true);
    expect(rec.unmatchedLinesMad).not.toBe('0.00');
  });
});
