/** Reading documents and their versions (row-level security limits them to the caller's scope). */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { DocumentDetail, DocumentSummary, DocumentVersion } from '../contract.ts';

interface VersionRow {
  document_id: string;
  version: number;
  sha256: string;
  size: string;
  media_type: string;
  original_name: string;
  uploaded_at: Date;
  uploader_id: string | null;
  full_name_ar: string | null;
  full_name_fr: string | null;
}

const toVersion = (r: VersionRow): DocumentVersion => ({
  version: r.version,
  sha256: r.sha256,
  size: Number(r.size),
  mediaType: r.media_type,
  originalName: r.original_name,
  uploadedBy: r.uploader_id ? { id: r.uploader_id, fullNameAr: r.full_name_ar ?? '', fullNameFr: r.full_name_fr ?? '' } : null,
  uploadedAt: r.uploaded_at.toISOString(),
});

const versionsQuery = (tx: Tx) =>
  tx
    .selectFrom('documents.document_versions as v')
    .leftJoin('access.users as u', 'u.id', 'v.uploaded_by')
    .select(['v.document_id', 'v.version', 'v.sha256', 'v.size', 'v.media_type', 'v.original_name', 'v.uploaded_at', 'u.id as uploader_id', 'u.full_name_ar', 'u.full_name_fr']);

const documentsQuery = (tx: Tx) =>
  tx
    .selectFrom('documents.documents as d')
    .select(['d.id', 'd.owner_type', 'd.owner_id', 'd.category', 'd.title', 'd.expires_on', 'd.current_version', 'd.created_at', 'd.updated_at']);

type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentsQuery>['executeTakeFirstOrThrow']>>;

function toSummary(d: DocumentRow, current: DocumentVersion): DocumentSummary {
  return {
    id: d.id,
    ownerType: d.owner_type,
    ownerId: d.owner_id,
    category: d.category,
    title: d.title,
    expiresOn: d.expires_on as unknown as string | null,
    currentVersion: d.current_version,
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    current,
  };
}

/** A document's owner and scope, for the access checks. */
export async function findDocumentHead(tx: Tx, id: string) {
  return tx.selectFrom('documents.documents').select(['id', 'owner_type', 'owner_id', 'current_version']).where('id', '=', id).executeTakeFirst();
}

export async function findDocument(tx: Tx, id: string): Promise<DocumentDetail | undefined> {
  const d = await documentsQuery(tx).where('d.id', '=', id).executeTakeFirst();
  if (!d) return undefined;
  const versions = (await versionsQuery(tx).where('v.document_id', '=', id).orderBy('v.version', 'desc').execute()).map(toVersion);
  const current = versions.find((v) => v.version === d.current_version);
  if (!current) return undefined;
  return { ...toSummary(d, current), versions };
}

export async function findVersion(tx: Tx, documentId: string, version: number) {
  return tx
    .selectFrom('documents.document_versions')
    .select(['sha256', 'size', 'media_type', 'original_name'])
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Cursor: "<created_at ISO>|<id>", newest first. */
function parseCursor(after: string | undefined): { at: Date; id: string } | undefined {
  if (!after) return undefined;
  const [at, id] = after.split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { at: date, id };
}

/** One page of an owner's documents with their current version: two queries, no N+1. */
export async function listDocuments(tx: Tx, ownerType: string, ownerId: string, after: string | undefined, limit: number) {
  let query = documentsQuery(tx)
    .where('d.owner_type', '=', ownerType)
    .where('d.owner_id', '=', ownerId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1);
  const cursor = parseCursor(after);
  if (cursor) query = query.where(sql<boolean>`(d.created_at, d.id) < (${cursor.at}, ${cursor.id}::uuid)`);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const currents = page.length
    ? await versionsQuery(tx)
        .innerJoin('documents.documents as d', (j) => j.onRef('d.id', '=', 'v.document_id').onRef('d.current_version', '=', 'v.version'))
        .where('v.document_id', 'in', page.map((d) => d.id))
        .execute()
    : [];
  const byDocument = new Map(currents.map((v) => [v.document_id, toVersion(v)]));
  const last = page[page.length - 1];
  return {
    items: page.flatMap((d) => {
      const current = byDocument.get(d.id);
      return current ? [toSummary(d, current)] : [];
    }),
    nextCursor: rows.length > limit && last ? `${last.created_at.toISOString()}|${last.id}` : null,
  };
}
