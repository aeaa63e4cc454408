/**
 * Test data of the finance reports: chart lines of their own (unique codes, so the seeded chart
 * never collides), budgets, accounts and ledger entries, written as the tables' owner so that the
 * database's own triggers (scope keys, running totals, locks) run exactly as in production.
 */
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../../../server/testing/harness.ts';

export interface LineSpec {
  kind: 'revenue' | 'expenditure';
  section?: 'operating' | 'equipment' | 'staff';
  isFood?: boolean;
  isGrant?: boolean;
  nameFr?: string;
  nameAr?: string;
}

export async function createLine(server: TestServer, spec: LineSpec): Promise<string> {
  const code = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const section = spec.kind === 'expenditure' ? (spec.section ?? 'operating') : null;
  await server.owner(
    // In the chart from 2000, so that tests may post to any past year (the books refuse a line outside its years).
    `INSERT INTO finance.budget_lines (code, kind, section, name_ar, name_fr, is_food, is_grant, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7, 2000)`,
    [code, spec.kind, section, spec.nameAr ?? `بند ${code}`, spec.nameFr ?? `Ligne ${code}`, spec.isFood ?? false, spec.isGrant ?? false],
  );
  return code;
}

/** A draft budget (version 1) with an amount per line. */
export async function createBudget(server: TestServer, institutionId: string, year: number, amounts: Record<string, string>): Promise<string> {
  const [budget] = await server.owner<{ id: string }>(`INSERT INTO finance.budgets (institution_id, year) VALUES ($1, $2) RETURNING id`, [institutionId, year]);
  for (const [line, amount] of Object.entries(amounts)) {
    await server.owner(`INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad) VALUES ($1, $2, $3)`, [budget!.id, line, amount]);
  }
  return budget!.id;
}

/** The institution's cash box (and bank account when a RIB is given), opened on a date. */
export async function createAccount(server: TestServer, institutionId: string, spec: { kind?: 'cash' | 'bank'; rib?: string; openedOn?: string; openingBalance?: string } = {}): Promise<string> {
  const kind = spec.kind ?? 'cash';
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO finance.accounts (institution_id, kind, rib, opening_date, opening_balance_mad) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [institutionId, kind, kind === 'bank' ? spec.rib : null, spec.openedOn ?? '2000-01-01', spec.openingBalance ?? '0'],
  );
  return row!.id;
}

export interface EntrySpec {
  institutionId: string;
  accountId: string;
  lineCode: string;
  date: string;
  amount: string;
  direction?: 'receipt' | 'payment';
  counterparty?: string;
  donorType?: string;
  reverses?: string;
  journal?: 'cash' | 'bank';
}

export async function createEntry(server: TestServer, spec: EntrySpec): Promise<string> {
  const journal = spec.journal ?? 'cash';
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, donor_type, reverses_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [spec.institutionId, journal, spec.accountId, spec.date, spec.direction ?? 'payment', spec.lineCode, spec.amount,
      spec.counterparty ?? 'Fournisseur', journal === 'cash' ? 'cash' : 'transfer', spec.donorType ?? null, spec.reverses ?? null],
  );
  return row!.id;
}

/** Sets (or replaces) a category's minimum daily cost for a year. */
export async function setMinimumDailyCost(server: TestServer, legalCategory: string, year: number, amount: string): Promise<void> {
  await server.owner(
    `INSERT INTO finance.daily_cost_references (legal_category, year, amount_mad) VALUES ($1, $2, $3)
     ON CONFLICT (legal_category, year) DO UPDATE SET amount_mad = excluded.amount_mad`,
    [legalCategory, year, amount],
  );
}
