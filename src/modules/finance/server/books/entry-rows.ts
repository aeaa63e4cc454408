/** One way to read ledger entries (with their line's names and their reversal), for every list. */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { Entry } from './contract.ts';
import { mad } from './institution.ts';

export function entryQuery(tx: Tx) {
  return tx
    .selectFrom('finance.entries as e')
    .innerJoin('finance.budget_lines as l', 'l.code', 'e.line_code')
    .select([
      'e.id', 'e.institution_id', 'e.journal', 'e.account_id', 'e.entry_date', 'e.direction', 'e.line_code', 'e.amount_mad',
      'e.counterparty', 'e.means', 'e.reference', 'e.description', 'e.donor_type', 'e.reverses_id', 'l.name_ar', 'l.name_fr',
    ])
    .select(sql<string>`to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created'))
    // The unique index entries_reversed_once answers this at once.
    .select(sql<string | null>`(SELECT r.id FROM finance.entries r WHERE r.reverses_id = e.id)`.as('reversed_by'));
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['execute']>>[number];

export const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  institutionId: r.institution_id,
  journal: r.journal as Entry['journal'],
  entryDate: String(r.entry_date),
  direction: r.direction as Entry['direction'],
  lineCode: r.line_code,
  lineNameAr: r.name_ar,
  lineNameFr: r.name_fr,
  amountMad: mad(r.amount_mad),
  counterparty: r.counterparty,
  means: r.means as Entry['means'],
  reference: r.reference,
  description: r.description,
  donorType: r.donor_type as Entry['donorType'],
  reversesId: r.reverses_id,
  reversedById: r.reversed_by,
  createdAt: r.created,
});
