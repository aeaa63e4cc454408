/**
 * Who hears of an action: on submit and validate, the reviewers of the level the submission now
 * waits at; on return and approve, the author who submitted it. In the action's transaction.
 */
import { notify, usersCovering } from '../../notifications/index.ts';
import type { Tx } from '../../../server/context.ts';
import type { Transition } from './transitions.ts';

const messageKey = { submit: 'approvals:notifications.waiting', validate: 'approvals:notifications.waiting', return: 'approvals:notifications.returned', approve: 'approvals:notifications.approved' } as const;

async function submitter(tx: Tx, submissionId: string): Promise<string[]> {
  const row = await tx.selectFrom('approvals.steps').select('actor_id').where('submission_id', '=', submissionId).where('action', '=', 'submit').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? [row.actor_id] : [];
}

export async function notifyTransition(tx: Tx, t: Transition): Promise<void> {
  let userIds: string[];
  if (t.action === 'submit' || t.action === 'validate') {
    const level = t.to.chain[t.to.levelIndex];
    const rule = t.type.chain.find((l) => l.level === level);
    // usersCovering also finds national users of these roles; only those at the level's scope can
    // act (a national administrator acts at the central level), which the inbox shows exactly.
    userIds = rule ? await usersCovering(tx, t.scope, { roles: rule.roles }) : [];
  } else {
    userIds = await submitter(tx, t.submissionId);
  }
  await notify(tx, {
    userIds: userIds.filter((id) => id !== t.actorId),
    kind: `approval.${t.action}`,
    messageKey: messageKey[t.action],
    params: { labelAr: t.labelAr, labelFr: t.labelFr },
    link: t.link,
    dedupeKey: `approval-step:${t.stepId}`,
  });
}
