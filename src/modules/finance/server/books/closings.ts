/**
 * Monthly closing. The months of a year with their receipts and payments (from the running totals,
 * finance.monthly_totals, never a re-sum of the ledger) and, once closed, the balances the database
 * computed at closing. Closing is one insert: the database checks the order, that the month has
 * ended, and locks it for good (0120, 0121).
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import type { ClosingMonth, Closings } from './contract.ts';
import { institutionInScope, mad } from './institution.ts';

export async function listClosings(tx: Tx, institutionId: string, year: number): Promise<Closings> {
  await institutionInScope(tx, institutionId);
  const rows = await sql<{ month: string; receipts: string; payments: string; n: number; closed_at: string | null; bank: string | null; cash: string | null }>`
    SELECT to_char(m, 'YYYY-MM') AS month,
           coalesce(sum(t.amount_mad) FILTER (WHERE l.kind = 'revenue'), 0)::numeric(16, 2)::text AS receipts,
           coalesce(sum(t.amount_mad) FILTER (WHERE l.kind = 'expenditure'), 0)::numeric(16, 2)::text AS payments,
           coalesce(sum(t.entry_count), 0)::int AS n,
           to_char(c.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS closed_at,
           c.bank_balance_mad::text AS bank, c.cash_balance_mad::text AS cash
    FROM generate_series(make_date(${year}::int, 1, 1), make_date(${year}::int, 12, 1), interval '1 month') m
    LEFT JOIN finance.monthly_totals t ON t.institution_id = ${institutionId}::uuid AND t.month = m::date
    LEFT JOIN finance.budget_lines l ON l.code = t.line_code
    LEFT JOIN finance.closed_months c ON c.institution_id = ${institutionId}::uuid AND c.month = m::date
    GROUP BY m, c.closed_at, c.bank_balance_mad, c.cash_balance_mad
    ORDER BY m`.execute(tx);
  const months: ClosingMonth[] = rows.rows.map((r) => ({
    month: r.month,
    receiptsMad: mad(r.receipts),
    paymentsMad: mad(r.payments),
    entryCount: r.n,
    closed: r.closed_at !== null,
    closedAt: r.closed_at,
    bankBalanceMad: r.bank === null ? null : mad(r.bank),
    cashBalanceMad: r.cash === null ? null : mad(r.cash),
  }));
  return { year, months };
}

export async function closeMonth(tx: Tx, user: CurrentUser, institutionId: string, month: string): Promise<Closings> {
  await institutionInScope(tx, institutionId);
  await tx.insertInto('finance.closed_months').values({ institution_id: institutionId, month: `${month}-01`, closed_by: user.id }).execute();
  return listClosings(tx, institutionId, Number(month.slice(0, 4)));
}
