/**
 * The two deadlines of the annual budget (2007 model cahier des charges): the founder approves
 * the next year's budget before 15 December, and the signed budget is sent before 31 December. In
 * Raaya the founder's approval forwards the budget to the delegation, so "sent" means the budget
 * has reached the delegation (or is approved). An authorised institution whose budget for the
 * coming year is missing, a draft, returned or waiting for its founder still owes both: the first
 * rule reminds the institution and its founder, the second tells the delegation (and the
 * institution) which budgets have not arrived.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { registerDeadlineRule, type DeadlineSubject, type SubjectQuery } from '../../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../../platform/notifications/index.ts';
import { institutionBudget } from '../../approval.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import booksAr from '../../i18n/books/ar.json' with { type: 'json' };
import booksFr from '../../i18n/books/fr.json' with { type: 'json' };
import budgetAr from '../../i18n/budget/ar.json' with { type: 'json' };
import budgetFr from '../../i18n/budget/fr.json' with { type: 'json' };
import reportsAr from '../../i18n/reports/ar.json' with { type: 'json' };
import reportsFr from '../../i18n/reports/fr.json' with { type: 'json' };

// The whole finance catalog (every part's), so whichever part registers it last, it is complete.
registerNotificationCatalog('finance', { ar: { ...ar, ...booksAr, ...budgetAr, ...reportsAr }, fr: { ...fr, ...booksFr, ...budgetFr, ...reportsFr } });

/** The budget due this December is the budget of the following year. */
const budgetYearDueOn = (due: string): number => Number(due.slice(0, 4)) + 1;

/** Authorised institutions in the caller's scope whose budget for the year has not passed its founder. */
async function budgetsNotSent(tx: Tx, q: SubjectQuery, fixedDue: string | undefined): Promise<DeadlineSubject[]> {
  if (!fixedDue) return [];
  const year = budgetYearDueOn(fixedDue);
  let query = tx
    .selectFrom('registry.institutions as i')
    .select(['i.id', 'i.region_id', 'i.delegation_id', 'i.association_id', 'i.name_ar', 'i.name_fr'])
    .select(sql<string | null>`finance.current_budget_id(i.id, ${year}::int)`.as('budget_id'))
    .where('i.status', '=', 'authorised')
    .where(sql<boolean>`app.scope_allows(i.region_id, i.delegation_id, i.association_id, i.id)`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('finance.budgets as b')
            .innerJoin('approvals.submissions as s', (j) => j.onRef('s.subject_id', '=', 'b.id').on('s.subject_type', '=', institutionBudget.key))
            .select(sql`1`.as('one'))
            .whereRef('b.institution_id', '=', 'i.id')
            .where('b.year', '=', year)
            .where(sql<boolean>`(s.state = 'approved' OR (s.state = 'submitted' AND s.level_index >= 2))`),
        ),
      ),
    )
    .orderBy('i.id')
    .limit(q.limit);
  if (q.after?.id && q.after.due === fixedDue) query = query.where('i.id', '>', q.after.id);
  const rows = await query.execute();
  return rows.map((i) => ({
    id: i.id,
    scope: { regionId: i.region_id, delegationId: i.delegation_id, associationId: i.association_id, institutionId: i.id },
    params: { nameAr: i.name_ar, nameFr: i.name_fr, year },
    link: i.budget_id ? `/finance/budgets/${i.budget_id}` : '/finance/budgets',
  }));
}

registerDeadlineRule({
  kind: 'finance.budget_founder_approval',
  labelKey: 'finance:budget.deadlines.founder.kind',
  itemKey: 'finance:budget.deadlines.founder.item',
  schedule: { type: 'fixed_day_of_year', month: 12, day: 15 },
  reminders: [30, 7, 1],
  notifyOverdue: true,
  messages: {
    reminder: 'finance:budget.deadlines.founder.reminder',
    due: 'finance:budget.deadlines.founder.due',
    overdue: 'finance:budget.deadlines.founder.overdue',
  },
  audience: { roles: ['institution_director', 'institution_accountant', 'association_officer'] },
  permission: 'finance.read',
  subjects: budgetsNotSent,
});

registerDeadlineRule({
  kind: 'finance.budget_sent',
  labelKey: 'finance:budget.deadlines.sent.kind',
  itemKey: 'finance:budget.deadlines.sent.item',
  schedule: { type: 'fixed_day_of_year', month: 12, day: 31 },
  reminders: [7, 1],
  notifyOverdue: true,
  messages: {
    reminder: 'finance:budget.deadlines.sent.reminder',
    due: 'finance:budget.deadlines.sent.due',
    overdue: 'finance:budget.deadlines.sent.overdue',
  },
  audience: { roles: ['institution_director', 'provincial_delegate'] },
  permission: 'finance.read',
  subjects: budgetsNotSent,
});
