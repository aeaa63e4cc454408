/**
 * Bank reconciliation: the imported statement lines of a period beside the bank journal's entries
 * not yet matched. A line is matched with one entry of the same signed amount (the database checks
 * it, 0121); "match automatically" pairs each line with the only unmatched entry of its amount
 * within 7 days, leaving anything ambiguous to the user.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import type { Reconciliation } from './contract.ts';
import { balanceOn } from './entries.ts';
import { institutionInScope, mad } from './institution.ts';

/** Days between the bank's date and the books' date that still make a likely pair. */
export const MATCH_WINDOW_DAYS = 7;

async function bankAccount(tx: Tx, institutionId: string): Promise<string> {
  await institutionInScope(tx, institutionId);
  const account = await tx.selectFrom('finance.accounts').select('id').where('institution_id', '=', institutionId).where('kind', '=', 'bank').executeTakeFirst();
  if (!account) throw invalidFields({ path: 'journal', key: 'finance.validation.no_account' });
  return account.id;
}

export async function reconciliation(tx: Tx, institutionId: string, from: string, to: string): Promise<Reconciliation> {
  if (to < from) throw invalidFields({ path: 'to', key: 'validation.invalid_value' });
  const accountId = await bankAccount(tx, institutionId);
  const lines = await tx
    .selectFrom('finance.bank_statement_lines')
    .select(['id', 'line_date', 'amount_mad', 'label', 'bank_reference', 'entry_id'])
    .where('account_id', '=', accountId)
    .where('line_date', '>=', sql<Date>`${from}::date`)
    .where('line_date', '<=', sql<Date>`${to}::date`)
    .orderBy('line_date')
    .orderBy('id')
    .execute();
  const entries = await tx
    .selectFrom('finance.entries as e')
    .select(['e.id', 'e.entry_date', 'e.counterparty', 'e.reference'])
    .select(sql<string>`finance.signed_mad(e.direction, e.amount_mad)::text`.as('signed'))
    .where('e.account_id', '=', accountId)
    .where('e.entry_date', '>=', sql<Date>`${from}::date`)
    .where('e.entry_date', '<=', sql<Date>`${to}::date`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('finance.bank_statement_lines as s').select(sql`1`.as('one')).whereRef('s.entry_id', '=', 'e.id'))))
    .orderBy('e.entry_date')
    .orderBy('e.id')
    .execute();
  const sums = await sql<{ lines: string; entries: string }>`
    SELECT
      (SELECT coalesce(sum(amount_mad), 0) FROM finance.bank_statement_lines
        WHERE account_id = ${accountId}::uuid AND entry_id IS NULL AND line_date BETWEEN ${from}::date AND ${to}::date)::numeric(16, 2)::text AS lines,
      (SELECT coalesce(sum(finance.signed_mad(e.direction, e.amount_mad)), 0) FROM finance.entries e
        WHERE e.account_id = ${accountId}::uuid AND e.entry_date BETWEEN ${from}::date AND ${to}::date
          AND NOT EXISTS (SELECT 1 FROM finance.bank_statement_lines s WHERE s.entry_id = e.id))::numeric(16, 2)::text AS entries`.execute(tx);
  return {
    lines: lines.map((l) => ({ id: l.id, lineDate: String(l.line_date), amountMad: mad(l.amount_mad), label: l.label, bankReference: l.bank_reference, entryId: l.entry_id })),
    unmatchedEntries: entries.map((e) => ({ id: e.id, entryDate: String(e.entry_date), counterparty: e.counterparty, reference: e.reference, signedMad: mad(e.signed) })),
    bookBalanceMad: await balanceOn(tx, accountId, to),
    unmatchedLinesMad: mad(sums.rows[0]?.lines),
    unmatchedEntriesMad: mad(sums.rows[0]?.entries),
  };
}

/** Pairs an unmatched line with an entry; a line already matched is unmatched first (409). */
export async function matchLine(tx: Tx, user: CurrentUser, institutionId: string, lineId: string, entryId: string): Promise<void> {
  const accountId = await bankAccount(tx, institutionId);
  // One statement that also refuses a line matched meanwhile; only a refusal reads why.
  const updated = await tx
    .updateTable('finance.bank_statement_lines')
    .set({ entry_id: entryId, matched_by: user.id, matched_at: sql`now()` })
    .where('id', '=', lineId)
    .where('account_id', '=', accountId)
    .where('entry_id', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows > 0n) return;
  const line = await tx.selectFrom('finance.bank_statement_lines').select('id').where('id', '=', lineId).where('account_id', '=', accountId).executeTakeFirst();
  throw line ? new AppError(409, 'finance.errors.line_matched') : notFound();
}

export async function unmatchLine(tx: Tx, institutionId: string, lineId: string): Promise<void> {
  const accountId = await bankAccount(tx, institutionId);
  const updated = await tx
    .updateTable('finance.bank_statement_lines')
    .set({ entry_id: null, matched_by: null, matched_at: null })
    .where('id', '=', lineId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw notFound();
}

/** Pairs that are unambiguous: one line, one entry, same signed amount, dates within the window. */
export async function autoMatch(tx: Tx, user: CurrentUser, institutionId: string, from: string, to: string): Promise<{ matched: number }> {
  const accountId = await bankAccount(tx, institutionId);
  const result = await sql`
    WITH lines AS (
      SELECT s.id, s.line_date, s.amount_mad FROM finance.bank_statement_lines s
      WHERE s.account_id = ${accountId}::uuid AND s.entry_id IS NULL AND s.line_date BETWEEN ${from}::date AND ${to}::date
    ), entries AS (
      SELECT e.id, e.entry_date, finance.signed_mad(e.direction, e.amount_mad) AS signed FROM finance.entries e
      WHERE e.account_id = ${accountId}::uuid
        AND e.entry_date BETWEEN ${from}::date - ${MATCH_WINDOW_DAYS}::int AND ${to}::date + ${MATCH_WINDOW_DAYS}::int
        AND NOT EXISTS (SELECT 1 FROM finance.bank_statement_lines s WHERE s.entry_id = e.id)
    ), pairs AS (
      SELECT l.id AS line_id, e.id AS entry_id,
             count(*) OVER (PARTITION BY l.id) AS per_line, count(*) OVER (PARTITION BY e.id) AS per_entry
      FROM lines l JOIN entries e ON e.signed = l.amount_mad AND abs(e.entry_date - l.line_date) <= ${MATCH_WINDOW_DAYS}::int
    )
    UPDATE finance.bank_statement_lines s SET entry_id = p.entry_id, matched_by = ${user.id}::uuid, matched_at = now()
    FROM pairs p WHERE p.line_id = s.id AND p.per_line = 1 AND p.per_entry = 1`.execute(tx);
  return { matched: Number(result.numAffectedRows ?? 0n) };
}
