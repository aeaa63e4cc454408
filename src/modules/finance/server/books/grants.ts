/**
 * Grants and donations (receipts on an is_grant line) and their report to the ministry, due within
 * 10 days (2007 cahier des charges). A grant is late when it is still unreported after its due day,
 * or was reported after it. A reversed grant owes no report.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError } from '../../../../server/errors.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Grant, GrantReportBody } from './contract.ts';
import { getEntry } from './entries.ts';
import { institutionInScope, mad } from './institution.ts';

/** Days allowed to report a grant or donation to the ministry. */
export const GRANT_REPORT_DAYS = 10;

export async function listGrants(tx: Tx, institutionId: string, year: number): Promise<{ items: Grant[] }> {
  await institutionInScope(tx, institutionId);
  const today = todayInMorocco();
  const rows = await tx
    .selectFrom('finance.entries as e')
    .innerJoin('finance.budget_lines as l', 'l.code', 'e.line_code')
    .leftJoin('finance.grant_reports as g', 'g.entry_id', 'e.id')
    .select(['e.id', 'e.entry_date', 'e.counterparty', 'e.donor_type', 'e.line_code', 'e.journal', 'e.amount_mad', 'l.name_ar', 'l.name_fr', 'g.reported_on', 'g.reference'])
    .select(sql<string>`to_char(e.entry_date + ${GRANT_REPORT_DAYS}::int, 'YYYY-MM-DD')`.as('due_on'))
    .where('e.institution_id', '=', institutionId)
    .where('e.donor_type', 'is not', null)
    .where('e.reverses_id', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('finance.entries as r').select(sql`1`.as('one')).whereRef('r.reverses_id', '=', 'e.id'))))
    .where('e.entry_date', '>=', sql<Date>`make_date(${year}::int, 1, 1)`)
    .where('e.entry_date', '<', sql<Date>`make_date(${year + 1}::int, 1, 1)`)
    .orderBy('e.entry_date', 'desc')
    .orderBy('e.id')
    .execute();
  return {
    items: rows.map((r) => {
      const reportedOn = r.reported_on === null ? null : String(r.reported_on);
      return {
        entryId: r.id,
        entryDate: String(r.entry_date),
        counterparty: r.counterparty,
        donorType: r.donor_type as Grant['donorType'],
        lineCode: r.line_code,
        lineNameAr: r.name_ar,
        lineNameFr: r.name_fr,
        journal: r.journal as Grant['journal'],
        amountMad: mad(r.amount_mad),
        dueOn: r.due_on,
        reportedOn,
        reportReference: r.reference,
        late: reportedOn ? reportedOn > r.due_on : today > r.due_on,
      };
    }),
  };
}

export async function reportGrant(tx: Tx, user: CurrentUser, institutionId: string, entryId: string, body: GrantReportBody): Promise<{ items: Grant[] }> {
  const entry = await getEntry(tx, institutionId, entryId);
  const existing = await tx.selectFrom('finance.grant_reports').select('entry_id').where('entry_id', '=', entryId).executeTakeFirst();
  if (existing) throw new AppError(409, 'finance.errors.already_reported');
  await tx.insertInto('finance.grant_reports').values({ entry_id: entryId, reported_on: body.reportedOn, reference: body.reference ?? null, reported_by: user.id }).execute();
  return listGrants(tx, institutionId, Number(entry.entryDate.slice(0, 4)));
}
