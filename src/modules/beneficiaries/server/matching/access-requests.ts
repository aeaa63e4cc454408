/**
 * Access and transfer requests to the holding delegation. The asker knows only the person's id
 * (from a national match); the holder sees the person and decides in
 * beneficiaries.decide_access_request() (0082): a share for access, a new holder for a transfer.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import type { AccessRequest, AccessRequestListQuery } from '../../contract/matching.ts';
import { decodeCursor, encodeCursor, isoTime, visibleSummaries } from './shared.ts';

type Lang = 'ar' | 'fr';

function baseQuery(trx: Tx, lang: Lang) {
  return trx
    .selectFrom('beneficiaries.access_requests as r')
    .innerJoin('organisation.delegations as rd', 'rd.id', 'r.requester_delegation_id')
    .innerJoin('organisation.delegations as hd', 'hd.id', 'r.holder_delegation_id')
    .leftJoin('access.users as ru', 'ru.id', 'r.requested_by')
    .leftJoin('access.users as du', 'du.id', 'r.decided_by')
    .select([
      'r.id', 'r.person_id', 'r.kind', 'r.status', 'r.reason', 'r.decision_note', 'r.created_at', 'r.decided_at',
      'r.holder_region_id', 'r.holder_delegation_id', 'r.requester_delegation_id',
      'rd.name_ar as requester_ar', 'rd.name_fr as requester_fr', 'hd.name_ar as holder_ar', 'hd.name_fr as holder_fr',
      lang === 'ar' ? 'ru.full_name_ar as asker' : 'ru.full_name_fr as asker',
      lang === 'ar' ? 'du.full_name_ar as decider' : 'du.full_name_fr as decider',
      sql<boolean>`app.scope_allows(r.holder_region_id, r.holder_delegation_id, NULL, NULL)`.as('incoming'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function toRequests(trx: Tx, rows: Row[]): Promise<AccessRequest[]> {
  const persons = await visibleSummaries(trx, rows.map((r) => r.person_id));
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    kind: r.kind as AccessRequest['kind'],
    status: r.status as AccessRequest['status'],
    reason: r.reason,
    decisionNote: r.decision_note,
    person: persons.get(r.person_id) ?? null,
    requester: { delegationId: r.requester_delegation_id!, nameAr: r.requester_ar, nameFr: r.requester_fr },
    holder: { delegationId: r.holder_delegation_id!, nameAr: r.holder_ar, nameFr: r.holder_fr },
    requestedBy: r.asker ?? null,
    decidedBy: r.decider ?? null,
    incoming: r.incoming,
    createdAt: isoTime(r.created_at),
    decidedAt: r.decided_at ? isoTime(r.decided_at) : null,
  }));
}

export async function findAccessRequest(trx: Tx, id: string, lang: Lang): Promise<AccessRequest> {
  const row = await baseQuery(trx, lang).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return (await toRequests(trx, [row]))[0]!;
}

/** Incoming: asked of the caller's scope (as holder); outgoing: asked by it. */
export async function listAccessRequests(trx: Tx, _user: CurrentUser, q: AccessRequestListQuery, lang: Lang) {
  let query = baseQuery(trx, lang).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(q.limit + 1);
  query = q.direction === 'incoming'
    ? query.where(sql<boolean>`app.scope_allows(r.holder_region_id, r.holder_delegation_id, NULL, NULL)`)
    : query.where(sql<boolean>`app.scope_allows(r.requester_region_id, r.requester_delegation_id, NULL, NULL)`);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.after) {
    const c = decodeCursor(q.after);
    query = query.where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '<', eb.tuple(c.createdAt as unknown as Date, c.id)));
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: await toRequests(trx, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

export async function askAccess(trx: Tx, personId: string, body: { kind: 'access' | 'transfer'; reason: string }, lang: Lang): Promise<AccessRequest> {
  const { id } = await trx
    .insertInto('beneficiaries.access_requests')
    .values({ person_id: personId, kind: body.kind, reason: body.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  return findAccessRequest(trx, id, lang);
}

export async function decideAccess(trx: Tx, id: string, grant: boolean, note: string | null, lang: Lang): Promise<AccessRequest> {
  const { rows } = await sql<{ result: string }>`SELECT beneficiaries.decide_access_request(${id}::uuid, ${grant}, ${note}) AS result`.execute(trx);
  if (rows[0]?.result === 'not_found') throw notFound();
  return findAccessRequest(trx, id, lang);
}
