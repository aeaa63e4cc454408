/**
 * When the last reviewer approves a convention (not an amendment), it becomes 'approved', ready
 * to be signed, in the approval's transaction. The database refuses the status without the
 * approved submission (0131), so this is the only way there.
 */
import { onTransition } from '../../../../platform/approvals/index.ts';
import { delegationConvention, regionConvention } from '../../approval.ts';

const conventionTypes = new Set([delegationConvention.key, regionConvention.key]);

onTransition(async (tx, t) => {
  if (!conventionTypes.has(t.type.key) || t.to.state !== 'approved') return;
  const submission = await tx.selectFrom('approvals.submissions').select('subject_id').where('id', '=', t.submissionId).executeTakeFirstOrThrow();
  // An amendment's subject is not a convention id: this updates nothing for it.
  await tx.updateTable('subsidies.conventions').set({ status: 'approved' }).where('id', '=', submission.subject_id).where('status', '=', 'draft').execute();
});
