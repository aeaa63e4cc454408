/**
 * What happens after an action, inside the same transaction: listeners (notifications of the next
 * reviewers and of the author) subscribe here, so the workflow does not depend on them.
 */
import type { Tx } from '../../../server/context.ts';
import type { ScopeKeys, SubmissionPosition } from '../chain.ts';
import type { ApprovalAction, DocumentType } from '../document-types.ts';

export interface Transition {
  submissionId: string;
  stepId: string;
  type: DocumentType;
  action: ApprovalAction;
  actorId: string;
  from: SubmissionPosition;
  to: SubmissionPosition;
  scope: ScopeKeys;
  labelAr: string;
  labelFr: string;
  link: string;
}

export type TransitionListener = (tx: Tx, transition: Transition) => Promise<void>;

const listeners: TransitionListener[] = [];

export function onTransition(listener: TransitionListener): void {
  listeners.push(listener);
}

export async function emitTransition(tx: Tx, transition: Transition): Promise<void> {
  for (const listener of listeners) await listener(tx, transition);
}
