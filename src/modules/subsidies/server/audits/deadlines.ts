/**
 * A recommendation of an audit mission with a due date is a deadline until it is done or dropped:
 * reminders 14 and 3 days before, on the day, then overdue, to the association that carries it out
 * and to the delegation and inspectors who follow it. Messages name the association, not the finding.
 */
import { sql } from 'kysely';
import { registerDeadlineRule } from '../../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../../platform/notifications/index.ts';
import commonAr from '../../i18n/ar.json' with { type: 'json' };
import commonFr from '../../i18n/fr.json' with { type: 'json' };
import conventionsAr from '../../i18n/conventions/ar.json' with { type: 'json' };
import conventionsFr from '../../i18n/conventions/fr.json' with { type: 'json' };
import tranchesAr from '../../i18n/tranches/ar.json' with { type: 'json' };
import tranchesFr from '../../i18n/tranches/fr.json' with { type: 'json' };
import auditsAr from '../../i18n/audits/ar.json' with { type: 'json' };
import auditsFr from '../../i18n/audits/fr.json' with { type: 'json' };
import dashboardAr from '../../i18n/dashboard/ar.json' with { type: 'json' };
import dashboardFr from '../../i18n/dashboard/fr.json' with { type: 'json' };

// The module's whole web catalog, merged as web/index.ts does: a namespace has one catalog, so
// whichever part registers it last, every part's messages are in it.
registerNotificationCatalog('subsidies', {
  ar: { ...commonAr, ...conventionsAr, ...tranchesAr, ...auditsAr, ...dashboardAr },
  fr: { ...commonFr, ...conventionsFr, ...tranchesFr, ...auditsFr, ...dashboardFr },
});

const keys = (name: string) => `subsidies:audits.deadlines.recommendation.${name}`;

registerDeadlineRule({
  kind: 'subsidies.audit_recommendation',
  labelKey: keys('kind'),
  itemKey: keys('item'),
  schedule: { type: 'days_after', days: 0 },
  reminders: [14, 3],
  notifyOverdue: true,
  messages: { reminder: keys('reminder'), due: keys('due'), overdue: keys('overdue') },
  audience: { roles: ['association_officer', 'provincial_delegate', 'inspector'] },
  permission: 'subsidies.read',
  subjects: async (tx, q) => {
    const parts = [sql`r.status IN ('open', 'in_progress')`, sql`r.due_on IS NOT NULL`, sql`r.due_on <= ${q.dueTo}::date`];
    if (q.dueFrom) parts.push(sql`r.due_on >= ${q.dueFrom}::date`);
    if (q.after?.id) parts.push(sql`(r.due_on, r.id) > (${q.after.due}::date, ${q.after.id}::uuid)`);
    else if (q.after) parts.push(q.after.inclusive ? sql`r.due_on >= ${q.after.due}::date` : sql`r.due_on > ${q.after.due}::date`);
    const { rows } = await sql<{ id: string; due_on: string; mission_id: string; name_ar: string; name_fr: string; region_id: string | null; delegation_id: string | null; association_id: string | null }>`
      SELECT r.id, r.due_on::text AS due_on, f.mission_id, a.name_ar, a.name_fr, r.region_id, r.delegation_id, r.association_id
      FROM subsidies.audit_recommendations r
      JOIN subsidies.audit_findings f ON f.id = r.finding_id
      JOIN registry.associations a ON a.id = r.association_id
      WHERE ${sql.join(parts, sql` AND `)}
      ORDER BY r.due_on, r.id LIMIT ${q.limit}`.execute(tx);
    return rows.map((r) => ({
      id: r.id,
      eventDate: r.due_on,
      scope: { regionId: r.region_id, delegationId: r.delegation_id, associationId: r.association_id },
      params: { nameAr: r.name_ar, nameFr: r.name_fr },
      link: `/subsidies/audits/${r.mission_id}`,
    }));
  },
});
