/** The workflow's rules, free of I/O: who may act at which level, and where each action leads. */
import type { Role, ScopeLevel } from '../../modules/access/permissions.ts';
import { levelScope, type ApprovalAction, type ApprovalLevel, type DocumentType, type SubmissionState } from './document-types.ts';

export interface ScopeKeys {
  regionId: string | null;
  delegationId: string | null;
  associationId: string | null;
  institutionId: string | null;
}

export interface Actor {
  role: Role;
  scope: ScopeKeys & { level: ScopeLevel };
}

export interface SubmissionPosition {
  state: SubmissionState;
  levelIndex: number;
  /** The chain copied into the submission when it was opened. */
  chain: readonly ApprovalLevel[];
}

/** May this actor act for the chain's level `index` on a subject with these scope keys? */
export function entitledAt(type: DocumentType, chain: readonly ApprovalLevel[], index: number, actor: Actor, subject: ScopeKeys): boolean {
  const level = chain[index];
  if (!level) return false;
  const rule = type.chain.find((l) => l.level === level);
  if (!rule || !rule.roles.includes(actor.role)) return false;
  const needed = levelScope[level];
  if (actor.scope.level !== needed) return false;
  switch (needed) {
    case 'nation':
      return true;
    case 'region':
      return actor.scope.regionId !== null && actor.scope.regionId === subject.regionId;
    case 'delegation':
      return actor.scope.delegationId !== null && actor.scope.delegationId === subject.delegationId;
    case 'association':
      return actor.scope.associationId !== null && actor.scope.associationId === subject.associationId;
    case 'institution':
      return actor.scope.institutionId !== null && actor.scope.institutionId === subject.institutionId;
  }
}

/** The level that acts on an action in this position (the author for submit, else the current level). */
export const actingLevel = (position: SubmissionPosition, action: ApprovalAction): number => (action === 'submit' ? 0 : position.levelIndex);

/** Where an action leads from a position; null when it is out of order there. */
export function nextPosition(position: SubmissionPosition, action: ApprovalAction): { state: SubmissionState; levelIndex: number } | null {
  const last = position.chain.length - 1;
  switch (action) {
    case 'submit':
      return position.state === 'draft' || position.state === 'returned' ? { state: 'submitted', levelIndex: 1 } : null;
    case 'validate':
      return position.state === 'submitted' && position.levelIndex < last ? { state: 'submitted', levelIndex: position.levelIndex + 1 } : null;
    case 'approve':
      return position.state === 'submitted' && position.levelIndex === last ? { state: 'approved', levelIndex: last } : null;
    case 'return':
      return position.state === 'submitted' ? { state: 'returned', levelIndex: 0 } : null;
  }
}

/** The actions this actor may take now, in the order the UI offers them. */
export function allowedActions(type: DocumentType, position: SubmissionPosition, actor: Actor, subject: ScopeKeys): ApprovalAction[] {
  const actions: ApprovalAction[] = ['submit', 'validate', 'approve', 'return'];
  return actions.filter((a) => nextPosition(position, a) && entitledAt(type, position.chain, actingLevel(position, a), actor, subject));
}

/** The chain levels (indexes) at which an actor of this role and scope level could act, per type. */
export function levelsFor(type: DocumentType, actor: { role: Role; scope: { level: ScopeLevel } }): number[] {
  return type.chain.flatMap((l, i) => (l.roles.includes(actor.role) && levelScope[l.level] === actor.scope.level ? [i] : []));
}
