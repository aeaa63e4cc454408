/**
 * The journals (bank, cash, in kind) of an institution over a period, in date order, each row with
 * the balance after it. Keyset paging on (date, id); the balance before a page is the opening
 * balance plus the signed entries before the cursor, so every page is right on its own.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import { addDays } from '../../../../platform/deadlines/index.ts';
import { centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';
import type { Journal, JournalPage, JournalRow } from './contract.ts';
import { entryQuery, toEntry } from './entry-rows.ts';
import { balanceOn } from './entries.ts';
import { institutionInScope, mad } from './institution.ts';

export interface JournalRange {
  from: string;
  to: string;
}

interface Cursor {
  date: string;
  id: string;
}

export function parseJournalCursor(after: string | undefined): Cursor | undefined {
  if (!after) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(after);
  if (!match) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  return { date: match[1]!, id: match[2]! };
}

/** Which rows a journal holds: an account's entries, or the institution's in-kind donations. */
async function journalScope(tx: Tx, institutionId: string, journal: Journal): Promise<{ accountId: string | null }> {
  await institutionInScope(tx, institutionId);
  if (journal === 'in_kind') return { accountId: null };
  const account = await tx.selectFrom('finance.accounts').select('id').where('institution_id', '=', institutionId).where('kind', '=', journal).executeTakeFirst();
  if (!account) throw invalidFields({ path: 'journal', key: 'finance.validation.no_account' });
  return { accountId: account.id };
}

function rowsOf(tx: Tx, institutionId: string, journal: Journal, accountId: string | null) {
  const base = entryQuery(tx);
  return accountId ? base.where('e.account_id', '=', accountId) : base.where('e.institution_id', '=', institutionId).where('e.journal', '=', journal);
}

export async function journalPage(tx: Tx, institutionId: string, journal: Journal, range: JournalRange, after: Cursor | undefined, limit: number): Promise<JournalPage> {
  if (range.to < range.from) throw invalidFields({ path: 'to', key: 'validation.invalid_value' });
  const { accountId } = await journalScope(tx, institutionId, journal);
  const opening = accountId ? await balanceOn(tx, accountId, addDays(range.from, -1)) : '0.00';
  let before = madToCentimes(opening);
  if (after) {
    const table = accountId ? sql`e.account_id = ${accountId}::uuid` : sql`e.institution_id = ${institutionId}::uuid AND e.journal = ${journal}`;
    const sum = await sql<{ total: string }>`
      SELECT coalesce(sum(finance.signed_mad(e.direction, e.amount_mad)), 0)::numeric(16, 2)::text AS total
      FROM finance.entries e
      WHERE ${table} AND e.entry_date >= ${range.from}::date AND (e.entry_date, e.id) <= (${after.date}::date, ${after.id}::uuid)`.execute(tx);
    before += madToCentimes(mad(sum.rows[0]?.total));
  }
  let query = rowsOf(tx, institutionId, journal, accountId)
    .select(sql<string>`sum(finance.signed_mad(e.direction, e.amount_mad)) OVER (ORDER BY e.entry_date, e.id)::numeric(16, 2)::text`.as('running'))
    .where('e.entry_date', '>=', sql<Date>`${range.from}::date`)
    .where('e.entry_date', '<=', sql<Date>`${range.to}::date`)
    .orderBy('e.entry_date')
    .orderBy('e.id')
    .limit(limit + 1);
  if (after) query = query.where(sql<boolean>`(e.entry_date, e.id) > (${after.date}::date, ${after.id}::uuid)`);
  const rows = await query.execute();
  const items: JournalRow[] = rows.slice(0, limit).map((r) => ({ ...toEntry(r), balanceMad: centimesToMad(before + madToCentimes(mad(r.running))) }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? `${last.entryDate}|${last.id}` : null, openingMad: opening };
}

/** Every row of the period (the Excel export), bounded: a year of a busy institution is a few thousand. */
export const JOURNAL_EXPORT_MAX = 20_000;

export async function journalRows(tx: Tx, institutionId: string, journal: Journal, range: JournalRange): Promise<JournalPage> {
  return journalPage(tx, institutionId, journal, range, undefined, JOURNAL_EXPORT_MAX);
}
