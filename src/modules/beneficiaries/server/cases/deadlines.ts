/**
 * The follow-ups after an exit (3, 6 and 12 months) are deadlines: the deadline service raises
 * them (reminders 14 and 3 days before, on the day, then overdue) to who follows the case, until
 * the follow-up is recorded. Messages name the case number and the month, never the person
 * (notifications may leave by e-mail; law 09-08).
 */
import { sql } from 'kysely';
import { registerDeadlineRule } from '../../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../../platform/notifications/index.ts';
import commonAr from '../../i18n/ar.json' with { type: 'json' };
import commonFr from '../../i18n/fr.json' with { type: 'json' };
import casesAr from '../../web/cases/i18n/ar.json' with { type: 'json' };
import casesFr from '../../web/cases/i18n/fr.json' with { type: 'json' };

// The web catalog of the module (common part and this part), so messages read the same keys.
registerNotificationCatalog('beneficiaries', { ar: { ...commonAr, cases: casesAr }, fr: { ...commonFr, cases: casesFr } });

const keys = (name: string) => `beneficiaries:cases.deadlines.followUp.${name}`;

registerDeadlineRule({
  kind: 'beneficiaries.follow_up',
  labelKey: keys('kind'),
  itemKey: keys('item'),
  schedule: { type: 'days_after', days: 0 },
  reminders: [14, 3],
  notifyOverdue: true,
  messages: { reminder: keys('reminder'), due: keys('due'), overdue: keys('overdue') },
  audience: { roles: ['social_worker', 'provincial_delegate', 'institution_director'] },
  permission: 'beneficiaries.case',
  subjects: async (tx, q) => {
    const parts = [sql`f.done_on IS NULL`, sql`f.due_on <= ${q.dueTo}::date`];
    if (q.dueFrom) parts.push(sql`f.due_on >= ${q.dueFrom}::date`);
    if (q.after?.id) parts.push(sql`(f.due_on, f.id) > (${q.after.due}::date, ${q.after.id}::uuid)`);
    else if (q.after) parts.push(q.after.inclusive ? sql`f.due_on >= ${q.after.due}::date` : sql`f.due_on > ${q.after.due}::date`);
    const { rows } = await sql<{ id: string; due_on: string; case_id: string | null; number: string; months: number; region_id: string | null; delegation_id: string | null; association_id: string | null; institution_id: string | null }>`
      SELECT f.id, f.due_on::text AS due_on, f.case_id, coalesce(c.number, a.registration_number) AS number, f.months,
        f.region_id, f.delegation_id, f.association_id, f.institution_id
      FROM beneficiaries.follow_ups f
      JOIN beneficiaries.admissions a ON a.id = f.admission_id
      LEFT JOIN beneficiaries.cases c ON c.id = f.case_id
      WHERE ${sql.join(parts, sql` AND `)}
      ORDER BY f.due_on, f.id LIMIT ${q.limit}`.execute(tx);
    return rows.map((r) => ({
      id: r.id,
      eventDate: r.due_on,
      scope: { regionId: r.region_id, delegationId: r.delegation_id, associationId: r.association_id, institutionId: r.institution_id },
      params: { number: r.number, months: r.months },
      link: r.case_id ? `/beneficiaries/cases/${r.case_id}` : '/beneficiaries/caseload',
    }));
  },
});
