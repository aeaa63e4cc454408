/** API contract of documents: attachments on any record, with their versions. */
import { z } from 'zod';
import { PageQuery, Uuid, optionalText, pageOf, text } from '../contract/common.ts';

const code = z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'invalid_format');
/** An optional calendar date ('YYYY-MM-DD'); an empty form field means none. */
const optionalDate = z.preprocess((v) => (v === '' ? null : v), z.iso.date().nullable().optional());

export const DocumentVersion = z.object({
  version: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  originalName: z.string(),
  uploadedBy: z.object({ id: Uuid, fullNameAr: z.string(), fullNameFr: z.string() }).nullable(),
  uploadedAt: z.string(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

export const DocumentSummary = z.object({
  id: Uuid,
  ownerType: z.string(),
  ownerId: Uuid,
  category: z.string(),
  title: z.string(),
  expiresOn: z.string().nullable(),
  currentVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  current: DocumentVersion,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentDetail = DocumentSummary.extend({ versions: z.array(DocumentVersion) });
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DocumentListQuery = PageQuery.extend({ ownerType: code, ownerId: Uuid });
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;
export const DocumentPage = pageOf(DocumentSummary);

/** The form fields of a new document (multipart, sent before the file part). */
export const NewDocumentFields = z.strictObject({
  ownerType: code,
  ownerId: Uuid,
  category: code,
  title: text(200),
  expiresOn: optionalDate,
});
export type NewDocumentFields = z.infer<typeof NewDocumentFields>;

/** The form fields of a new version: its expiry replaces the document's when given. */
export const NewVersionFields = z.strictObject({
  expiresOn: optionalDate,
  note: optionalText(200).optional(),
});
export type NewVersionFields = z.infer<typeof NewVersionFields>;

export const DocumentParams = z.strictObject({ id: Uuid });
export const VersionParams = z.strictObject({ id: Uuid, version: z.coerce.number().int().min(1).max(100_000) });
