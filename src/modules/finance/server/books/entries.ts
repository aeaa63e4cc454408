/**
 * Receipts and payments. The form asks for what a volunteer knows (what for, how much, when, to or
 * from whom, how it was paid); the database checks the rest (line in the chart and of the right
 * kind, the institution's own account, the month still open: 0120 and 0121). A payment larger than
 * the account's balance is a warning: refused until the user says to record it all the same.
 * Corrections are reversing entries, never edits.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import { centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';
import type { CreateEntryBody, Entry, EntryLine, Journal, ReverseBody } from './contract.ts';
import { CreateEntryBody as CreateEntrySchema } from './contract.ts';
import { entryQuery, toEntry } from './entry-rows.ts';
import { institutionInScope, mad } from './institution.ts';

/** The lines an entry of this institution may go on that year: postable, and allowed for its category. */
export async function entryLines(tx: Tx, institutionId: string, year: number): Promise<{ items: EntryLine[] }> {
  const { legalCategory } = await institutionInScope(tx, institutionId);
  const rows = await tx
    .selectFrom('finance.budget_lines as l')
    .select(['l.code', 'l.kind', 'l.section', 'l.name_ar', 'l.name_fr', 'l.is_grant'])
    .where('l.valid_from', '<=', year)
    .where((eb) => eb.or([eb('l.valid_to', 'is', null), eb('l.valid_to', '>=', year)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('finance.budget_lines as c').select(sql`1`.as('one')).whereRef('c.parent_code', '=', 'l.code').where('c.valid_from', '<=', year).where(sql<boolean>`coalesce(c.valid_to, 2100) >= ${year}::int`))),
    )
    .where((eb) => eb.or([eb('l.allowed_categories', 'is', null), sql<boolean>`${legalCategory}::text = ANY (l.allowed_categories)`]))
    .orderBy('l.kind', 'desc')
    .orderBy('l.position')
    .orderBy('l.code')
    .execute();
  return { items: rows.map((r) => ({ code: r.code, kind: r.kind as EntryLine['kind'], section: r.section, nameAr: r.name_ar, nameFr: r.name_fr, isGrant: r.is_grant })) };
}

async function accountOf(tx: Tx, institutionId: string, journal: Journal): Promise<string | null> {
  if (journal === 'in_kind') return null;
  const account = await tx.selectFrom('finance.accounts').select('id').where('institution_id', '=', institutionId).where('kind', '=', journal).executeTakeFirst();
  if (!account) throw invalidFields({ path: 'journal', key: 'finance.validation.no_account' });
  return account.id;
}

/** The account's balance at the end of the day (what the cash box or the bank should hold). */
export async function balanceOn(tx: Tx, accountId: string, day: string): Promise<string> {
  const row = await sql<{ balance: string }>`SELECT finance.account_balance(${accountId}::uuid, ${day}::date)::numeric(16, 2)::text AS balance`.execute(tx);
  return mad(row.rows[0]?.balance);
}

export async function accountBalance(tx: Tx, institutionId: string, journal: 'bank' | 'cash', day: string): Promise<{ balanceMad: string }> {
  await institutionInScope(tx, institutionId);
  const accountId = await accountOf(tx, institutionId, journal);
  return { balanceMad: await balanceOn(tx, accountId!, day) };
}

export async function getEntry(tx: Tx, institutionId: string, entryId: string): Promise<Entry> {
  const row = await entryQuery(tx).where('e.id', '=', entryId).where('e.institution_id', '=', institutionId).executeTakeFirst();
  if (!row) throw notFound();
  return toEntry(row);
}

export async function createEntry(tx: Tx, user: CurrentUser, institutionId: string, input: CreateEntryBody): Promise<Entry> {
  const body = CreateEntrySchema.parse(input);
  await institutionInScope(tx, institutionId);
  if ((body.journal === 'in_kind') !== (body.means === 'in_kind')) throw invalidFields({ path: 'means', key: 'finance.validation.in_kind_means' });
  if (body.journal === 'in_kind' && body.direction !== 'receipt') throw invalidFields({ path: 'direction', key: 'finance.validation.in_kind_receipt' });
  const line = await tx.selectFrom('finance.budget_lines').select(['kind', 'is_grant']).where('code', '=', body.lineCode).executeTakeFirst();
  if (!line) throw invalidFields({ path: 'lineCode', key: 'finance.validation.unknown_line' });
  if (line.is_grant && !body.donorType) throw invalidFields({ path: 'donorType', key: 'validation.required' });
  const accountId = await accountOf(tx, institutionId, body.journal);
  if (accountId && body.direction === 'payment' && !body.acknowledgeBalance) {
    // The balance on the payment's day, and at the end of the books (a later payment may rely on it).
    const row = await sql<{ balance: string }>`
      SELECT least(finance.account_balance(${accountId}::uuid, ${body.entryDate}::date),
                   finance.account_balance(${accountId}::uuid, greatest(${body.entryDate}::date,
                     coalesce((SELECT max(entry_date) FROM finance.entries WHERE account_id = ${accountId}::uuid), ${body.entryDate}::date))))::numeric(16, 2)::text AS balance`.execute(tx);
    const balance = mad(row.rows[0]?.balance);
    if (madToCentimes(body.amountMad) > madToCentimes(balance)) {
      throw new AppError(409, 'finance.errors.exceeds_balance', [], {}, { balanceMad: centimesToMad(madToCentimes(balance)), journal: body.journal });
    }
  }
  const { id } = await tx
    .insertInto('finance.entries')
    .values({
      institution_id: institutionId,
      journal: body.journal,
      account_id: accountId,
      entry_date: body.entryDate,
      direction: body.direction,
      line_code: body.lineCode,
      amount_mad: body.amountMad,
      counterparty: body.counterparty,
      means: body.means,
      reference: body.reference ?? null,
      description: body.description,
      donor_type: line.is_grant ? (body.donorType ?? null) : null,
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getEntry(tx, institutionId, id);
}

/** The reversing entry: the same line, account and direction, the opposite amount, on an open day. */
export async function reverseEntry(tx: Tx, user: CurrentUser, institutionId: string, entryId: string, body: ReverseBody): Promise<Entry> {
  const original = await getEntry(tx, institutionId, entryId);
  if (original.reversesId) throw new AppError(409, 'finance.errors.bad_reversal');
  if (original.reversedById) throw new AppError(409, 'finance.errors.already_reversed');
  if (body.entryDate < original.entryDate) throw invalidFields({ path: 'entryDate', key: 'finance.validation.reversal_before_original' });
  const account = await tx.selectFrom('finance.entries').select(['account_id', 'donor_type']).where('id', '=', entryId).executeTakeFirstOrThrow();
  const { id } = await tx
    .insertInto('finance.entries')
    .values({
      institution_id: institutionId,
      journal: original.journal,
      account_id: account.account_id,
      entry_date: body.entryDate,
      direction: original.direction,
      line_code: original.lineCode,
      amount_mad: `-${original.amountMad}`,
      counterparty: original.counterparty,
      means: original.means,
      reference: original.reference,
      description: body.description,
      reverses_id: original.id,
      donor_type: account.donor_type,
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getEntry(tx, institutionId, id);
}
