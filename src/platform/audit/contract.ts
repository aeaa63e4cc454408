/** API contract of the audit log reader. */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf } from '../contract/common.ts';

export const AuditAction = z.enum(['insert', 'update', 'delete', 'event']);

export const AuditEntry = z.object({
  seq: z.string(),
  at: z.string(),
  actorId: Uuid.nullable(),
  actorUsername: z.string().nullable(),
  tableName: z.string(),
  recordId: z.string().nullable(),
  action: AuditAction,
  event: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  user: Uuid.optional(),
  table: z.string().trim().max(63).optional(),
  record: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = pageOf(AuditEntry);

/** One change in a record's history, with the author's name (names only, whatever the scope). */
export const HistoryEntry = z.object({
  seq: z.string(),
  at: z.string(),
  actor: z.object({ id: Uuid, username: z.string(), nameAr: z.string(), nameFr: z.string() }).nullable(),
  tableName: z.string(),
  recordId: z.string().nullable(),
  action: AuditAction,
  event: z.string().nullable(),
  /** Columns whose value changed (all columns of an insert or delete), bookkeeping columns left out. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryQuery = PageQuery;
export const HistoryPage = pageOf(HistoryEntry);
export const HistoryParams = z.strictObject({ ownerType: z.string().regex(/^[a-z_]{1,40}$/), id: Uuid });
