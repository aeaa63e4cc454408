/**
 * The annual action plan of every delegation, due on 15 December (reminders 30, 7 and 1 days
 * before, then overdue). Declared against delegations until the planning module exists; the
 * planning module will tell which plans are submitted (a submitted plan is no longer due).
 */
import { sql } from 'kysely';
import { registerDeadlineRule } from '../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../platform/notifications/index.ts';
import ar from '../i18n/ar.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };

registerNotificationCatalog('territory', { ar, fr });

registerDeadlineRule({
  kind: 'planning.action_plan',
  labelKey: 'territory:deadlines.actionPlan.kind',
  itemKey: 'territory:deadlines.actionPlan.item',
  schedule: { type: 'fixed_day_of_year', month: 12, day: 15 },
  reminders: [30, 7, 1],
  notifyOverdue: true,
  messages: {
    reminder: 'territory:deadlines.actionPlan.reminder',
    due: 'territory:deadlines.actionPlan.due',
    overdue: 'territory:deadlines.actionPlan.overdue',
  },
  audience: { roles: ['provincial_delegate'] },
  permission: 'territory.read',
  subjects: async (tx, q, fixedDue) => {
    let query = tx
      .selectFrom('organisation.delegations')
      .select(['id', 'region_id', 'name_ar', 'name_fr'])
      .where(sql<boolean>`app.scope_allows(region_id, id, NULL, NULL)`)
      .orderBy('id')
      .limit(q.limit);
    if (q.after?.id && q.after.due === fixedDue) query = query.where('id', '>', q.after.id);
    const rows = await query.execute();
    return rows.map((d) => ({
      id: d.id,
      scope: { regionId: d.region_id, delegationId: d.id },
      params: { nameAr: d.name_ar, nameFr: d.name_fr },
      link: `/territory/delegations/${d.id}`,
    }));
  },
});
