/**
 * The approval chains, declared in configuration per document type. Level 0 is the author's
 * level (drafts, submits, corrects what is returned); each following level validates, and the
 * last one approves. A level names the roles that may act and the scope at which the actor sits:
 * a 'region' level is acted on by a user scoped to the subject's region, 'central' by a national
 * user. Modules declare their types with defineDocumentType() from their own configuration.
 */
import type { Role, ScopeLevel } from '../../modules/access/permissions.ts';

export const approvalLevels = ['institution', 'association', 'delegation', 'region', 'central'] as const;
export type ApprovalLevel = (typeof approvalLevels)[number];

export const approvalActions = ['submit', 'validate', 'return', 'approve'] as const;
export type ApprovalAction = (typeof approvalActions)[number];

export const submissionStates = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionState = (typeof submissionStates)[number];

export const sectionStates = ['open', 'submitted', 'returned', 'approved'] as const;
export type SectionState = (typeof sectionStates)[number];

/** The scope level an actor must sit at to act for a level. */
export const levelScope: Record<ApprovalLevel, ScopeLevel> = {
  institution: 'institution',
  association: 'association',
  delegation: 'delegation',
  region: 'region',
  central: 'nation',
};

export interface ChainLevel {
  level: ApprovalLevel;
  roles: readonly Role[];
}

export interface DocumentType {
  /** Stable key stored with each submission ('delegation_action_plan'). */
  key: string;
  /** The sections a reviewer may return one by one. */
  sections: readonly string[];
  chain: readonly ChainLevel[];
}

const registry = new Map<string, DocumentType>();

export function defineDocumentType(type: DocumentType): DocumentType {
  if (type.chain.length < 2) throw new Error(`${type.key}: a chain has an author level and at least one reviewer level`);
  if (new Set(type.chain.map((l) => l.level)).size !== type.chain.length) throw new Error(`${type.key}: a level appears twice`);
  if (type.sections.length === 0) throw new Error(`${type.key}: at least one section`);
  registry.set(type.key, type);
  return type;
}

export const documentType = (key: string): DocumentType | undefined => registry.get(key);
export const documentTypes = (): DocumentType[] => [...registry.values()];
