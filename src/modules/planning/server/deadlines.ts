/**
 * The annual action plan of every delegation is due on 15 December for the coming year
 * (reminders 30, 7 and 1 days before, then overdue). A delegation whose plan for that year is
 * submitted (at any level) or approved owes nothing; a draft or returned plan is still due.
 */
import { sql } from 'kysely';
import { registerDeadlineRule } from '../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../platform/notifications/index.ts';
import { delegationActionPlan } from '../approval.ts';
import ar from '../i18n/ar.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };

registerNotificationCatalog('planning', { ar, fr });

/** The plan due on this 15 December is the plan of the following year. */
const planYearDueOn = (due: string): number => Number(due.slice(0, 4)) + 1;

registerDeadlineRule({
  kind: 'planning.action_plan',
  labelKey: 'planning:deadlines.actionPlan.kind',
  itemKey: 'planning:deadlines.actionPlan.item',
  schedule: { type: 'fixed_day_of_year', month: 12, day: 15 },
  reminders: [30, 7, 1],
  notifyOverdue: true,
  messages: {
    reminder: 'planning:deadlines.actionPlan.reminder',
    due: 'planning:deadlines.actionPlan.due',
    overdue: 'planning:deadlines.actionPlan.overdue',
  },
  audience: { roles: ['provincial_delegate'] },
  permission: 'planning.read',
  subjects: async (tx, q, fixedDue) => {
    if (!fixedDue) return [];
    const year = planYearDueOn(fixedDue);
    let query = tx
      .selectFrom('organisation.delegations as d')
      .leftJoin('planning.plans as p', (join) => join.onRef('p.delegation_id', '=', 'd.id').on('p.year', '=', year))
      .select(['d.id', 'd.region_id', 'd.name_ar', 'd.name_fr', 'p.id as plan_id'])
      .where(sql<boolean>`app.scope_allows(d.region_id, d.id, NULL, NULL)`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('approvals.submissions as s')
              .select(sql`1`.as('one'))
              .whereRef('s.subject_id', '=', 'p.id')
              .where('s.subject_type', '=', delegationActionPlan.key)
              .where('s.state', 'in', ['submitted', 'approved']),
          ),
        ),
      )
      .orderBy('d.id')
      .limit(q.limit);
    if (q.after?.id && q.after.due === fixedDue) query = query.where('d.id', '>', q.after.id);
    const rows = await query.execute();
    return rows.map((d) => ({
      id: d.id,
      scope: { regionId: d.region_id, delegationId: d.id },
      params: { nameAr: d.name_ar, nameFr: d.name_fr, year },
      link: d.plan_id ? `/planning/plans/${d.plan_id}` : '/planning/plans',
    }));
  },
});
