/**
 * Owner types: each module that lets documents be attached to its records registers how to find
 * a record's scope keys and which permissions read and write its documents.
 */
import type { Tx } from '../../../server/context.ts';
import type { Permission } from '../../../modules/access/permissions.ts';
import type { ScopeKeys } from '../../notifications/index.ts';

export interface DocumentOwner {
  /** 'delegation', 'institution', 'form_response'… (lower case, digits, underscores). */
  type: string;
  /**
   * The scope keys of the owner record, or undefined when the current user cannot see it (it
   * then answers 404). Runs in the request's transaction, under row-level security.
   */
  scopeOf(tx: Tx, ownerId: string): Promise<ScopeKeys | undefined>;
  readPermission: Permission;
  writePermission: Permission;
  /** The categories a document of this owner may have; labels are 'documents:categories.<code>'. */
  categories: readonly string[];
  /** Path of the owner's page in the staff app, for notification links. */
  linkOf?(ownerId: string): string;
}

const owners = new Map<string, DocumentOwner>();

export function registerDocumentOwner(owner: DocumentOwner): void {
  if (!/^[a-z][a-z0-9_]{1,40}$/.test(owner.type)) throw new Error(`invalid document owner type: ${owner.type}`);
  owners.set(owner.type, owner);
}

export const documentOwner = (type: string): DocumentOwner | undefined => owners.get(type);
