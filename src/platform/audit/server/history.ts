/**
 * Record history (decision 0015): the audit entries of one record and of the rows that belong to
 * it, read through the audit log's own row-level security. A module registers each kind of
 * record once: which scope key of the log groups its rows, which tables count, who may read it.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { Permission } from '../../../modules/access/permissions.ts';
import type { HistoryEntry } from '../contract.ts';

export interface HistoryOwner {
  /** URL name: /api/history/<type>/<id>. */
  type: string;
  /**
   * The log's scope key that every row of the record carries ('self:' trigger argument for the
   * record itself), or 'record_id' for a record whose history is its own rows' entries only (a
   * beneficiary: the log has no person key; its rectifications are the person row's changes).
   */
  key: 'association_id' | 'institution_id' | 'record_id';
  /** Tables whose entries count; others carrying the same key are left out. */
  tables: readonly string[];
  readPermission: Permission;
  /** Whether the caller sees the record itself (under RLS); a record out of scope answers 404. */
  visible(tx: Tx, id: string): Promise<boolean>;
}

const owners = new Map<string, HistoryOwner>();

export function registerHistoryOwner(owner: HistoryOwner): void {
  if (owners.has(owner.type)) throw new Error(`history owner ${owner.type} registered twice`);
  owners.set(owner.type, owner);
}

/** Adds tables to a registered kind (a later part of a module: licensing steps of an institution). */
export function extendHistoryOwner(type: string, tables: readonly string[]): void {
  const owner = owners.get(type);
  if (!owner) throw new Error(`history owner ${type} is not registered`);
  owners.set(type, { ...owner, tables: [...owner.tables, ...tables] });
}

export const historyOwner = (type: string): HistoryOwner | undefined => owners.get(type);

/** Bookkeeping columns, scope keys and derived search columns say nothing a reader needs. */
const HIDDEN = new Set(['updated_at', 'created_at', 'region_id', 'delegation_id', 'association_id', 'institution_id', 'province_id']);
// Author columns repeat the entry's actor; sequence numbers are bookkeeping.
const DERIVED = /^search_|_key(_ar|_fr|_lat)?$|^created_by|^seq$/;

type Row = Record<string, unknown> | null;

export function changedFields(before: Row, after: Row): HistoryEntry['changes'] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: HistoryEntry['changes'] = [];
  for (const field of fields) {
    if (HIDDEN.has(field) || DERIVED.test(field) || field === 'id') continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export async function readHistory(tx: Tx, owner: HistoryOwner, id: string, page: { after?: string; limit: number }): Promise<{ items: HistoryEntry[]; nextCursor: string | null }> {
  let query = tx
    .selectFrom('audit.log as a')
    .select(['a.seq', 'a.at', 'a.actor_id', 'a.table_name', 'a.record_id', 'a.action', 'a.event', 'a.before', 'a.after'])
    .where(`a.${owner.key}`, '=', id)
    .where('a.table_name', 'in', [...owner.tables])
    .orderBy('a.seq', 'desc')
    .limit(page.limit + 1);
  if (page.after && /^\d+$/.test(page.after)) query = query.where('a.seq', '<', page.after);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit);
  const actorIds = [...new Set(items.map((r) => r.actor_id).filter((x): x is string => x !== null))];
  const actors = actorIds.length
    ? (await sql<{ id: string; username: string; full_name_ar: string; full_name_fr: string }>`SELECT * FROM audit.actor_names(${actorIds}::uuid[])`.execute(tx)).rows
    : [];
  const byId = new Map(actors.map((a) => [a.id, { id: a.id, username: a.username, nameAr: a.full_name_ar, nameFr: a.full_name_fr }]));
  return {
    items: items.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actor: r.actor_id ? (byId.get(r.actor_id) ?? null) : null,
      tableName: r.table_name,
      recordId: r.record_id,
      action: r.action as HistoryEntry['action'],
      event: r.event,
      changes: changedFields(r.before as Row, r.after as Row),
    })),
    nextCursor: rows.length > page.limit ? items[items.length - 1]!.seq : null,
  };
}
