/**
 * Late tranches (issue 8 §3): a tranche not fully paid is due on its planned date. The deadline
 * service reminds the delegation 15 and 3 days before, on the day, then flags it overdue until the
 * payment that completes it (or its cancellation). Messages name the convention and the tranche.
 * Before that, each day, the planned tranches whose blocking conditions have all become met (a
 * budget approved, a finding closed) get that day as their "conditions met" day (decision 0027).
 */
import { sql } from 'kysely';
import { registerDailyTask, registerDeadlineRule } from '../../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../../platform/notifications/index.ts';
import moduleAr from '../../i18n/ar.json' with { type: 'json' };
import moduleFr from '../../i18n/fr.json' with { type: 'json' };
import conventionsAr from '../../i18n/conventions/ar.json' with { type: 'json' };
import conventionsFr from '../../i18n/conventions/fr.json' with { type: 'json' };
import tranchesAr from '../../i18n/tranches/ar.json' with { type: 'json' };
import tranchesFr from '../../i18n/tranches/fr.json' with { type: 'json' };
import auditsAr from '../../i18n/audits/ar.json' with { type: 'json' };
import auditsFr from '../../i18n/audits/fr.json' with { type: 'json' };
import dashboardAr from '../../i18n/dashboard/ar.json' with { type: 'json' };
import dashboardFr from '../../i18n/dashboard/fr.json' with { type: 'json' };

// The notification catalog of a namespace is replaced by each registration: register the whole
// module's catalog (merged as web/index.ts merges it), so another part registering it too loses nothing.
registerNotificationCatalog('subsidies', {
  ar: { ...moduleAr, ...conventionsAr, ...tranchesAr, ...auditsAr, ...dashboardAr },
  fr: { ...moduleFr, ...conventionsFr, ...tranchesFr, ...auditsFr, ...dashboardFr },
});

const keys = (name: string) => `subsidies:tranches.deadlines.${name}`;

registerDeadlineRule({
  kind: 'subsidies.tranche_payment',
  labelKey: keys('kind'),
  itemKey: keys('item'),
  schedule: { type: 'days_after', days: 0 },
  reminders: [15, 3],
  notifyOverdue: true,
  messages: { reminder: keys('reminder'), due: keys('due'), overdue: keys('overdue') },
  audience: { roles: ['provincial_delegate', 'regional_coordinator'] },
  permission: 'subsidies.read',
  subjects: async (tx, q) => {
    const parts = [sql`t.status IN ('planned', 'released')`, sql`t.planned_on <= ${q.dueTo}::date`];
    if (q.dueFrom) parts.push(sql`t.planned_on >= ${q.dueFrom}::date`);
    if (q.after?.id) parts.push(sql`(t.planned_on, t.id) > (${q.after.due}::date, ${q.after.id}::uuid)`);
    else if (q.after) parts.push(q.after.inclusive ? sql`t.planned_on >= ${q.after.due}::date` : sql`t.planned_on > ${q.after.due}::date`);
    const { rows } = await sql<{ id: string; planned_on: string; convention_id: string; reference: string; year: number; position: number;
      amount_mad: string; region_id: string | null; delegation_id: string | null; association_id: string | null }>`
      SELECT t.id, t.planned_on, t.convention_id, c.reference, t.year, t.position, t.amount_mad, t.region_id, t.delegation_id, t.association_id
      FROM subsidies.tranches t JOIN subsidies.conventions c ON c.id = t.convention_id
      WHERE ${sql.join(parts, sql` AND `)}
      ORDER BY t.planned_on, t.id LIMIT ${q.limit}`.execute(tx);
    return rows.map((r) => ({
      id: r.id,
      eventDate: r.planned_on,
      scope: { regionId: r.region_id, delegationId: r.delegation_id },
      params: { reference: r.reference, year: r.year, position: r.position, amount: r.amount_mad },
      link: `/subsidies/conventions/${r.convention_id}/tranches`,
    }));
  },
});

// Unread tranches too: the delay from "conditions met" to payment must not depend on when someone opened them.
registerDailyTask({
  key: 'subsidies.conditions_met',
  run: async (tx) => {
    await sql`SELECT subsidies.note_conditions_met(t.id) FROM subsidies.tranches t JOIN subsidies.conventions c ON c.id = t.convention_id
      WHERE t.status = 'planned' AND t.conditions_met_on IS NULL AND c.status IN ('approved', 'signed')`.execute(tx);
  },
});
