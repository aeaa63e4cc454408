/**
 * When the delegation approves a plan, the plan becomes active and the case moves to its
 * accompaniment stage, in the approval's transaction.
 */
import { sql } from 'kysely';
import { onTransition } from '../../../../platform/approvals/index.ts';
import { casePlanType } from './approval.ts';
import { advanceCase } from './service.ts';

onTransition(async (tx, t) => {
  if (t.type.key !== casePlanType.key || t.to.state !== 'approved') return;
  const { rows } = await sql<{ case_id: string }>`UPDATE beneficiaries.case_plans SET status = 'active' WHERE id = (SELECT subject_id FROM approvals.submissions WHERE id = ${t.submissionId}::uuid)
    RETURNING case_id`.execute(tx);
  if (rows[0]) await advanceCase(tx, rows[0].case_id, 'accompaniment');
});
