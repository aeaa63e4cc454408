/**
 * The locks of the books are the database's own, whoever asks: tested as the application role
 * (raaya_app, row-level security on, a nation-wide user's context), not through the service.
 * An entry is never edited; it cannot be deleted for 10 years; nothing is written in a closed month.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { booksInstitution, createChart, type TestChart } from './testing/factories.ts';

let server: TestServer;
let chart: TestChart;
let adminId: string;
beforeAll(async () => {
  server = await startTestServer();
  chart = await createChart(server);
  adminId = (await createUser(server, { role: 'system_admin' })).id;
});
afterAll(() => server.close());

/** Runs statements as the application role with a nation-wide user's context, as begin_request sets it; rolled back. */
async function asApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.user_id', $1, true), set_config('app.role', 'system_admin', true), set_config('app.scope_level', 'nation', true)`, [adminId]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const refusal = (e: unknown) => ({ code: (e as { code?: string }).code, hint: (e as { hint?: string }).hint });
async function refused(work: (client: pg.Client) => Promise<unknown>) {
  try {
    await asApp(work);
  } catch (e) {
    return refusal(e);
  }
  throw new Error('the database accepted it');
}

async function ownerEntry(institutionId: string, accountId: string, date: string): Promise<string> {
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means)
     VALUES ($1, 'cash', $2, $3, 'payment', $4, 12.50, 'Souk', 'cash') RETURNING id`,
    [institutionId, accountId, date, chart.food],
  );
  return row!.id;
}

describe('the ledger, as the application role', () => {
  it('refuses to edit an entry, even its description', async () => {
    const { institutionId, cashId } = await booksInstitution(server);
    const id = await ownerEntry(institutionId, cashId, '2025-05-02');
    expect(await refused((c) => c.query(`UPDATE finance.entries SET description = 'changed' WHERE id = $1`, [id]))).toEqual({ code: 'RA409', hint: 'finance.errors.entry_immutable' });
  });

  it('refuses to delete an entry younger than 10 years, and lets an older one go', async () => {
    const { institutionId, cashId } = await booksInstitution(server, { opening: '2012-01-01' });
    const young = await ownerEntry(institutionId, cashId, '2017-06-30');
    expect(await refused((c) => c.query('DELETE FROM finance.entries WHERE id = $1', [young]))).toEqual({ code: 'RA409', hint: 'finance.errors.retention' });
    const old = await ownerEntry(institutionId, cashId, '2013-02-01');
    const deleted = await asApp((c) => c.query('DELETE FROM finance.entries WHERE id = $1', [old]));
    expect(deleted.rowCount).toBe(1);
  });

  it('refuses any entry written into a closed month, and closing out of order', async () => {
    const { institutionId, cashId } = await booksInstitution(server, { opening: '2025-01-01' });
    const january = await ownerEntry(institutionId, cashId, '2025-01-15');
    const insert = (c: pg.Client, date: string) =>
      c.query(
        `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means)
         VALUES ($1, 'cash', $2, $3, 'payment', $4, 1, 'x', 'cash')`,
        [institutionId, cashId, date, chart.food],
      );
    expect(await refused((c) => c.query(`INSERT INTO finance.closed_months (institution_id, month) VALUES ($1, '2025-02-01')`, [institutionId]))).toEqual({ code: 'RA409', hint: 'finance.errors.earlier_month_open' });
    await server.owner(`INSERT INTO finance.closed_months (institution_id, month) VALUES ($1, '2025-01-01')`, [institutionId]);
    expect(await refused((c) => insert(c, '2025-01-31'))).toEqual({ code: 'RA409', hint: 'finance.errors.month_closed' });
    // A closed month's entry is still young: kept (10 years), whatever the month.
    expect(await refused((c) => c.query('DELETE FROM finance.entries WHERE id = $1', [january]))).toEqual({ code: 'RA409', hint: 'finance.errors.retention' });
    const open = await asApp((c) => insert(c, '2025-02-01'));
    expect(open.rowCount).toBe(1);
    // A closed month cannot be reopened by the application: no privilege to delete or change it.
    expect((await refused((c) => c.query('DELETE FROM finance.closed_months WHERE institution_id = $1', [institutionId]))).code).toBe('42501');
  });

  it('refuses an entry that does not hold together, whoever writes it', async () => {
    const { institutionId, cashId, bankId } = await booksInstitution(server);
    const other = await booksInstitution(server);
    const insert = (c: pg.Client, over: { journal?: string; account?: string; line?: string; direction?: string; donor?: string | null }) =>
      c.query(
        `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, donor_type)
         VALUES ($1, $2, $3, '2025-05-05', $4, $5, 10, 'x', 'cash', $6)`,
        [institutionId, over.journal ?? 'cash', over.account ?? cashId, over.direction ?? 'payment', over.line ?? chart.food, over.donor ?? null],
      );
    expect((await refused((c) => insert(c, { account: other.cashId }))).hint).toBe('finance.errors.wrong_account');
    expect((await refused((c) => insert(c, { account: bankId }))).hint).toBe('finance.errors.wrong_account');
    expect((await refused((c) => insert(c, { line: chart.sales }))).hint).toBe('finance.errors.line_direction');
    expect((await refused((c) => insert(c, { line: chart.operating }))).hint).toBe('finance.errors.line_has_sublines');
    expect((await refused((c) => insert(c, { line: chart.grant, direction: 'receipt' }))).hint).toBe('finance.errors.donor_type');
    expect((await refused((c) => insert(c, { donor: 'private' }))).hint).toBe('finance.errors.donor_type');
    // Beneficiary contributions: only the categories that may charge (the factory's institution is a students' home).
    await server.owner(`UPDATE finance.budget_lines SET allowed_categories = ARRAY['elderly'] WHERE code = $1`, [chart.sales]);
    expect((await refused((c) => insert(c, { line: chart.sales, direction: 'receipt' }))).hint).toBe('finance.errors.line_category_not_allowed');
    await server.owner('UPDATE finance.budget_lines SET allowed_categories = NULL WHERE code = $1', [chart.sales]);
    await server.owner('UPDATE finance.budget_lines SET valid_to = 2024 WHERE code = $1', [chart.salaries]);
    expect((await refused((c) => insert(c, { line: chart.salaries }))).hint).toBe('finance.errors.line_not_in_chart');
  });
});
