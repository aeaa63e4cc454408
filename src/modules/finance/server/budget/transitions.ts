/**
 * A budget is sent for approval only when it balances: revenue equal to expenditure, and neither
 * empty. Checked inside the submit action's transaction (whatever screen submits it: the budget
 * page or the approvals inbox), so a refused submission leaves nothing changed.
 */
import { sql } from 'kysely';
import { AppError } from '../../../../server/errors.ts';
import { onTransition } from '../../../../platform/approvals/index.ts';
import { institutionBudget } from '../../approval.ts';

onTransition(async (tx, t) => {
  if (t.type.key !== institutionBudget.key || t.action !== 'submit') return;
  const { rows } = await sql<{ revenue: string; expenditure: string; balanced: boolean; empty: boolean }>`
    SELECT t.revenue_mad::text AS revenue, t.expenditure_mad::text AS expenditure,
           t.revenue_mad = t.expenditure_mad AS balanced, (t.revenue_mad = 0 OR t.expenditure_mad = 0) AS empty
    FROM approvals.submissions s, finance.budget_totals(s.subject_id) t
    WHERE s.id = ${t.submissionId}::uuid`.execute(tx);
  const totals = rows[0];
  if (!totals) return;
  if (totals.empty) throw new AppError(409, 'finance.errors.budget_empty');
  if (!totals.balanced) {
    throw new AppError(409, 'finance.errors.budget_unbalanced', [], {}, { revenueMad: totals.revenue, expenditureMad: totals.expenditure });
  }
});
