/**
 * Merges of duplicate persons: proposed by a merge holder, approved or rejected by another one,
 * revertible. The moves themselves run in beneficiaries.review_merge() (0083), which checks role,
 * scope and the four-eyes rule again and records what moved.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { MergeFilledField, MergeMovedKind, sensitiveMergeKinds, type Merge, type MergeBody } from '../../contract/matching.ts';
import { decodeCursor, encodeCursor, isoTime, visibleSummaries } from './shared.ts';

type Lang = 'ar' | 'fr';

function baseQuery(trx: Tx, lang: Lang) {
  return trx
    .selectFrom('beneficiaries.merges as m')
    .leftJoin('access.users as pu', 'pu.id', 'm.proposed_by')
    .leftJoin('access.users as ru', 'ru.id', 'm.reviewed_by')
    .select([
      'm.id', 'm.status', 'm.reason', 'm.review_note', 'm.kept_id', 'm.merged_id', 'm.moved', 'm.filled', 'm.proposed_by', 'm.created_at', 'm.reviewed_at',
      lang === 'ar' ? 'pu.full_name_ar as proposer' : 'pu.full_name_fr as proposer',
      lang === 'ar' ? 'ru.full_name_ar as reviewer' : 'ru.full_name_fr as reviewer',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** The person form's name of a column a merge filled (the precision goes with the birth date). */
const filledField = (column: string): MergeFilledField | null =>
  column === 'birth_date_precision' ? null : MergeFilledField.parse(column.replace(/_id$/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/** Rows moved per kind; the sensitive kinds' counts only for a role that may read them (law 09-08). */
function movedCounts(moved: unknown, sensitive: boolean): Merge['moved'] {
  if (!moved) return null;
  const counts: Merge['moved'] = {};
  for (const [table, ids] of Object.entries(moved as Record<string, string[]>)) {
    const kind = MergeMovedKind.parse(table);
    if (ids.length > 0 && (sensitive || !sensitiveMergeKinds.includes(kind))) counts[kind] = ids.length;
  }
  return counts;
}

async function toMerges(trx: Tx, user: CurrentUser, rows: Row[]): Promise<Merge[]> {
  const persons = await visibleSummaries(trx, rows.flatMap((r) => [r.kept_id, r.merged_id]));
  const sensitive = hasPermission(user.role, 'beneficiaries.sensitive');
  return rows.map((r) => ({
    id: r.id,
    status: r.status as Merge['status'],
    reason: r.reason,
    reviewNote: r.review_note,
    kept: persons.get(r.kept_id) ?? null,
    merged: persons.get(r.merged_id) ?? null,
    keptId: r.kept_id,
    mergedId: r.merged_id,
    moved: movedCounts(r.moved, sensitive),
    filled: r.filled ? Object.keys(r.filled as Record<string, unknown>).flatMap((column) => filledField(column) ?? []) : null,
    proposedBy: r.proposer ?? null,
    reviewedBy: r.reviewer ?? null,
    mine: r.proposed_by === user.id,
    createdAt: isoTime(r.created_at),
    reviewedAt: r.reviewed_at ? isoTime(r.reviewed_at) : null,
  }));
}

export async function findMerge(trx: Tx, user: CurrentUser, id: string, lang: Lang): Promise<Merge> {
  const row = await baseQuery(trx, lang).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return (await toMerges(trx, user, [row]))[0]!;
}

export async function listMerges(trx: Tx, user: CurrentUser, q: { status?: string | undefined; after?: string | undefined; limit: number }, lang: Lang) {
  let query = baseQuery(trx, lang).orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(q.limit + 1);
  if (q.status) query = query.where('m.status', '=', q.status);
  if (q.after) {
    const c = decodeCursor(q.after);
    query = query.where((eb) => eb(eb.refTuple('m.created_at', 'm.id'), '<', eb.tuple(c.createdAt as unknown as Date, c.id)));
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: await toMerges(trx, user, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/** Both persons must be live and visible to the proposer (else 404, like any out-of-scope record). */
export async function proposeMerge(trx: Tx, user: CurrentUser, body: MergeBody, lang: Lang): Promise<Merge> {
  const persons = await trx
    .selectFrom('beneficiaries.persons')
    .select('id')
    .where('id', 'in', [body.keptId, body.mergedId])
    .where('merged_into', 'is', null)
    .execute();
  if (persons.length !== 2) throw notFound();
  const { id } = await trx
    .insertInto('beneficiaries.merges')
    .values({ kept_id: body.keptId, merged_id: body.mergedId, reason: body.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  return findMerge(trx, user, id, lang);
}

export async function reviewMerge(trx: Tx, user: CurrentUser, id: string, action: 'approve' | 'reject' | 'revert', note: string | null, lang: Lang): Promise<Merge> {
  const { rows } = await sql<{ result: string }>`SELECT beneficiaries.review_merge(${id}::uuid, ${action}, ${note}) AS result`.execute(trx);
  if (rows[0]?.result === 'not_found') throw notFound();
  return findMerge(trx, user, id, lang);
}
