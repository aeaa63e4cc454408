/** Creating documents and adding versions, in the request's transaction, after the owner checks. */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { forbidden, invalidFields, notFound } from '../../../server/errors.ts';
import { hasPermission } from '../../../modules/access/permissions.ts';
import type { DocumentDetail, NewDocumentFields, NewVersionFields } from '../contract.ts';
import { documentOwner, type DocumentOwner } from './owners.ts';
import { findDocument, findDocumentHead } from './queries.ts';
import type { ReceivedUpload } from './upload.ts';

/** The owner type, checked before the file is read: unknown type 400, no permission 403. */
export function ownerFor(type: string, user: CurrentUser, access: 'read' | 'write'): DocumentOwner {
  const owner = documentOwner(type);
  if (!owner) throw invalidFields({ path: 'ownerType', key: 'validation.invalid_value' });
  if (!hasPermission(user.role, access === 'read' ? owner.readPermission : owner.writePermission)) throw forbidden();
  return owner;
}

/** The owner record's scope keys, or 404 when the caller cannot see it. */
export async function visibleOwner(tx: Tx, owner: DocumentOwner, ownerId: string) {
  const keys = await owner.scopeOf(tx, ownerId);
  if (!keys) throw notFound();
  return keys;
}

export async function createDocument(tx: Tx, user: CurrentUser, upload: ReceivedUpload<NewDocumentFields>): Promise<DocumentDetail> {
  const f = upload.fields;
  const owner = ownerFor(f.ownerType, user, 'write');
  if (!owner.categories.includes(f.category)) throw invalidFields({ path: 'category', key: 'validation.invalid_value' });
  const keys = await visibleOwner(tx, owner, f.ownerId);
  const { id } = await tx
    .insertInto('documents.documents')
    .values({
      owner_type: f.ownerType,
      owner_id: f.ownerId,
      category: f.category,
      title: f.title,
      expires_on: f.expiresOn ?? null,
      region_id: keys.regionId ?? null,
      delegation_id: keys.delegationId ?? null,
      association_id: keys.associationId ?? null,
      institution_id: keys.institutionId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(tx, id, 1, upload);
  return (await findDocument(tx, id))!;
}

export async function addVersion(tx: Tx, user: CurrentUser, documentId: string, upload: ReceivedUpload<NewVersionFields>): Promise<DocumentDetail> {
  const head = await findDocumentHead(tx, documentId);
  if (!head) throw notFound();
  const owner = documentOwner(head.owner_type);
  if (!owner) throw notFound();
  if (!hasPermission(user.role, owner.writePermission)) throw forbidden();
  await visibleOwner(tx, owner, head.owner_id);
  const updated = await tx
    .updateTable('documents.documents')
    .set({
      current_version: sql`current_version + 1`,
      ...(upload.fields.expiresOn !== undefined && upload.fields.expiresOn !== null && { expires_on: upload.fields.expiresOn }),
    })
    .where('id', '=', documentId)
    .returning('current_version')
    .executeTakeFirstOrThrow();
  await insertVersion(tx, documentId, updated.current_version, upload);
  return (await findDocument(tx, documentId))!;
}

/** The version row, then the file into the store: a failed insert leaves no file behind. */
async function insertVersion(tx: Tx, documentId: string, version: number, upload: ReceivedUpload<unknown>): Promise<void> {
  await tx
    .insertInto('documents.document_versions')
    .values({
      document_id: documentId,
      version,
      sha256: upload.file.sha256,
      size: String(upload.file.size),
      media_type: upload.mediaType,
      original_name: upload.originalName,
    })
    .execute();
  await upload.file.commit();
}
