/**
 * The history tab: the audit entries of an institution's record and of its rooms, services and
 * committee, newest first, keyset by sequence number. audit.log's own row-level security applies.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { InstitutionHistoryEntry } from '../../contract/institutions.ts';

const BOOKKEEPING = new Set(['updated_at', 'created_at', 'search_key', 'search_trgm', 'name_key_ar', 'name_key_fr', 'capacity_total', 'region_id', 'delegation_id', 'association_id', 'province_id', 'id', 'institution_id']);

function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && (!before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k]))).sort();
}

export async function institutionHistory(tx: Tx, id: string, after: string | undefined, limit: number): Promise<{ items: InstitutionHistoryEntry[]; nextCursor: string | null }> {
  const before = after && /^\d+$/.test(after) ? after : null;
  // Two indexed reads (the record's own entries; its children's by institution key), merged.
  const rows = await sql<{ seq: string; at: Date; username: string | null; table_name: string; action: string; event: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>`
    SELECT l.seq, l.at, u.username, l.table_name, l.action, l.event, l.before, l.after
    FROM (
      (SELECT * FROM audit.log WHERE table_name = 'registry.institutions' AND record_id = ${id} AND (${before}::bigint IS NULL OR seq < ${before}::bigint) ORDER BY seq DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT * FROM audit.log WHERE institution_id = ${id}::uuid AND (${before}::bigint IS NULL OR seq < ${before}::bigint) ORDER BY seq DESC LIMIT ${limit + 1})
    ) l
    LEFT JOIN access.users u ON u.id = l.actor_id
    ORDER BY l.seq DESC LIMIT ${limit + 1}`.execute(tx);
  const page = rows.rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: String(r.seq),
      at: new Date(r.at).toISOString(),
      actorUsername: r.username,
      tableName: r.table_name,
      action: r.action as InstitutionHistoryEntry['action'],
      event: r.event,
      fields: changedFields(r.before, r.after),
    })),
    nextCursor: rows.rows.length > limit ? String(page[page.length - 1]!.seq) : null,
  };
}
