/**
 * The report of a grant or donation to the ministry as a deadline: due 10 days after it was
 * received, a reminder 3 days and 1 day before, then overdue, to the institution's director and
 * accountant (and seen by everyone above on the deadlines page). Reported or reversed grants owe nothing.
 */
import { sql } from 'kysely';
import { registerDeadlineRule } from '../../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../../platform/notifications/index.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import booksAr from '../../i18n/books/ar.json' with { type: 'json' };
import booksFr from '../../i18n/books/fr.json' with { type: 'json' };
import budgetAr from '../../i18n/budget/ar.json' with { type: 'json' };
import budgetFr from '../../i18n/budget/fr.json' with { type: 'json' };
import reportsAr from '../../i18n/reports/ar.json' with { type: 'json' };
import reportsFr from '../../i18n/reports/fr.json' with { type: 'json' };
import { GRANT_REPORT_DAYS } from './grants.ts';

// The whole finance catalog, as the web merges it: a namespace is registered once, whichever part
// registers it last (the other finance parts' notices keep their words).
registerNotificationCatalog('finance', {
  ar: { ...ar, ...booksAr, ...budgetAr, ...reportsAr },
  fr: { ...fr, ...booksFr, ...budgetFr, ...reportsFr },
});

const day = (d: string) => sql<Date>`${d}::date`;

registerDeadlineRule({
  kind: 'finance.grant_report',
  labelKey: 'finance:books.deadline.kind',
  itemKey: 'finance:books.deadline.item',
  schedule: { type: 'days_after', days: GRANT_REPORT_DAYS },
  reminders: [3, 1],
  notifyOverdue: true,
  messages: { reminder: 'finance:books.deadline.reminder', due: 'finance:books.deadline.due', overdue: 'finance:books.deadline.overdue' },
  audience: { roles: ['institution_director', 'institution_accountant'] },
  permission: 'finance.read',
  subjects: async (tx, q) => {
    let query = tx
      .selectFrom('finance.entries as e')
      .innerJoin('registry.institutions as i', 'i.id', 'e.institution_id')
      .select(['e.id', 'e.entry_date', 'e.counterparty', 'e.amount_mad', 'e.institution_id', 'e.region_id', 'e.delegation_id', 'e.association_id', 'i.name_ar', 'i.name_fr'])
      .where('e.donor_type', 'is not', null)
      .where('e.reverses_id', 'is', null)
      .where('e.entry_date', '<=', day(q.dueTo))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('finance.grant_reports as g').select(sql`1`.as('one')).whereRef('g.entry_id', '=', 'e.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('finance.entries as r').select(sql`1`.as('one')).whereRef('r.reverses_id', '=', 'e.id'))))
      .orderBy('e.entry_date')
      .orderBy('e.id')
      .limit(q.limit);
    if (q.dueFrom) query = query.where('e.entry_date', '>=', day(q.dueFrom));
    const after = q.after;
    if (after?.id) query = query.where(sql<boolean>`(e.entry_date, e.id) > (${after.due}::date, ${after.id}::uuid)`);
    else if (after) query = query.where('e.entry_date', after.inclusive ? '>=' : '>', day(after.due));
    const rows = await query.execute();
    return rows.map((e) => ({
      id: e.id,
      eventDate: String(e.entry_date),
      scope: { regionId: e.region_id, delegationId: e.delegation_id, associationId: e.association_id, institutionId: e.institution_id },
      params: { donor: e.counterparty, amount: String(e.amount_mad), nameAr: e.name_ar, nameFr: e.name_fr },
      link: `/finance/institutions/${e.institution_id}/grants`,
    }));
  },
});
