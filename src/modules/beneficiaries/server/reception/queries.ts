/**
 * SQL of the reception queues and of one request, under the caller's row-level security. One query
 * per page: requests alone (filters, keyset on reception time, limit; indexed by delegation or
 * institution, status and time), then the person, the assignee and the institution joined to them.
 */
import { sql, type SqlBool } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import type { ReceptionRequest, RequestListItem, RequestListQuery } from '../../contract/reception.ts';
import { decodeCursor, encodeCursor, instant } from '../persons/queries.ts';
import { toPersonSummary } from '../person-summary.ts';

export const OPEN_STATUSES = ['review', 'new', 'assigned', 'in_progress'] as const;

const fromRequests = (tx: Tx) => tx.selectFrom('beneficiaries.requests as r');
type FromRequests = ReturnType<typeof fromRequests>;

/** The caller's queue said as a plain predicate the queue indexes serve (RLS still decides). */
function withinScope(q: FromRequests, user: CurrentUser): FromRequests {
  const { level, regionId, delegationId, associationId, institutionId } = user.scope;
  if (level === 'region' && regionId) return q.where('r.region_id', '=', regionId);
  if (level === 'delegation' && delegationId) return q.where('r.delegation_id', '=', delegationId);
  if (level === 'association' && associationId) return q.where('r.association_id', '=', associationId);
  if (level === 'institution' && institutionId) return q.where('r.institution_id', '=', institutionId);
  return q;
}

function applyFilters(query: FromRequests, f: RequestListQuery, user: CurrentUser): FromRequests {
  let q = query;
  if (f.queue === 'delegation') q = q.where('r.institution_id', 'is', null);
  if (f.queue === 'institution') q = q.where('r.institution_id', 'is not', null);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.open === true) q = q.where('r.status', 'in', [...OPEN_STATUSES]);
  if (f.open === false) q = q.where('r.status', 'not in', [...OPEN_STATUSES]);
  if (f.assignedTo) q = q.where('r.assigned_to', '=', f.assignedTo === 'me' ? user.id : f.assignedTo);
  if (f.urgency) q = q.where('r.urgency', '=', f.urgency);
  if (f.institution) q = q.where('r.institution_id', '=', f.institution);
  if (f.person) q = q.where('r.person_id', '=', f.person);
  return q;
}

const LIST_COLUMNS = [
  'r.id', 'r.number', 'r.status', 'r.urgency', 'r.channel', 'r.reception_point', 'r.received_at', 'r.requester_name', 'r.needs', 'r.summary',
  'r.person_id', 'r.assigned_to', 'r.case_id', 'r.institution_id', 'r.delegation_id',
] as const;

/** The rows of a queue page joined with their person, assignee and institution (visible ones only). */
function withJoins(tx: Tx, inner: ReturnType<typeof selectPage>) {
  return tx
    .selectFrom(inner.as('r'))
    .leftJoin('beneficiaries.persons as p', 'p.id', 'r.person_id')
    .leftJoin('access.users as u', 'u.id', 'r.assigned_to')
    .leftJoin('registry.institutions as i', 'i.id', 'r.institution_id')
    .selectAll('r')
    .select([
      'p.id as p_id', 'p.first_name_ar', 'p.last_name_ar', 'p.first_name_lat', 'p.last_name_lat', 'p.sex', 'p.birth_date', 'p.birth_date_precision',
      'p.cnie', 'p.delegation_id as p_delegation_id', 'u.full_name_ar as assignee_ar', 'u.full_name_fr as assignee_fr',
      'i.name_ar as institution_name_ar', 'i.name_fr as institution_name_fr',
    ]);
}

function selectPage(q: FromRequests) {
  return q.select(LIST_COLUMNS).select(sql<string>`r.received_at::text`.as('sort_key'));
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof withJoins>['execute']>>[number];

function toItem(r: JoinedRow): RequestListItem {
  return {
    id: r.id,
    number: r.number!,
    status: r.status as RequestListItem['status'],
    urgency: r.urgency as RequestListItem['urgency'],
    channel: r.channel as RequestListItem['channel'],
    receptionPoint: r.reception_point as RequestListItem['receptionPoint'],
    receivedAt: instant(r.received_at),
    requesterName: r.requester_name,
    needs: r.needs as RequestListItem['needs'],
    summary: r.summary,
    person: r.p_id
      ? toPersonSummary({
          id: r.p_id,
          first_name_ar: r.first_name_ar,
          last_name_ar: r.last_name_ar,
          first_name_lat: r.first_name_lat,
          last_name_lat: r.last_name_lat,
          sex: r.sex!,
          birth_date: r.birth_date,
          birth_date_precision: r.birth_date_precision!,
          cnie: r.cnie,
          delegation_id: r.p_delegation_id,
        })
      : null,
    assignee: r.assigned_to && r.assignee_ar ? { id: r.assigned_to, fullNameAr: r.assignee_ar, fullNameFr: r.assignee_fr! } : null,
    caseId: r.case_id,
    institutionId: r.institution_id,
    institutionNameAr: r.institution_name_ar,
    institutionNameFr: r.institution_name_fr,
    delegationId: r.delegation_id!,
  };
}

export async function listRequests(tx: Tx, user: CurrentUser, f: RequestListQuery): Promise<{ items: RequestListItem[]; nextCursor: string | null }> {
  let q = withinScope(applyFilters(fromRequests(tx), f, user), user);
  if (f.after) {
    const { key, id } = decodeCursor(f.after, 'received', 'beneficiaries.persons.bad_cursor');
    q = q.where(sql<SqlBool>`(r.received_at, r.id) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const inner = selectPage(q).orderBy('r.received_at', 'desc').orderBy('r.id', 'desc').limit(f.limit + 1);
  const rows = await withJoins(tx, inner).orderBy('r.received_at', 'desc').orderBy('r.id', 'desc').execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > f.limit && last ? encodeCursor('received', last.sort_key, last.id) : null };
}

export async function findRequest(tx: Tx, id: string): Promise<ReceptionRequest | undefined> {
  const inner = selectPage(fromRequests(tx).where('r.id', '=', id)).select([
    'r.requester_relation', 'r.requester_phone', 'r.services', 'r.listening_notes', 'r.commune_id', 'r.consent_given', 'r.closed_reason',
    'r.created_at', 'r.updated_at',
  ]);
  const row = await tx
    .selectFrom(inner.as('r'))
    .leftJoin('beneficiaries.persons as p', 'p.id', 'r.person_id')
    .leftJoin('access.users as u', 'u.id', 'r.assigned_to')
    .leftJoin('registry.institutions as i', 'i.id', 'r.institution_id')
    .leftJoin('beneficiaries.cases as c', 'c.id', 'r.case_id')
    .selectAll('r')
    .select([
      'p.id as p_id', 'p.first_name_ar', 'p.last_name_ar', 'p.first_name_lat', 'p.last_name_lat', 'p.sex', 'p.birth_date', 'p.birth_date_precision',
      'p.cnie', 'p.delegation_id as p_delegation_id', 'u.full_name_ar as assignee_ar', 'u.full_name_fr as assignee_fr',
      'i.name_ar as institution_name_ar', 'i.name_fr as institution_name_fr', 'c.number as case_number', 'c.stage as case_stage',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toItem(row),
    requesterRelation: row.requester_relation as ReceptionRequest['requesterRelation'],
    requesterPhone: row.requester_phone,
    services: row.services as ReceptionRequest['services'],
    listeningNotes: row.listening_notes,
    communeId: row.commune_id,
    consentGiven: row.consent_given,
    closedReason: row.closed_reason,
    caseNumber: row.case_number,
    caseStage: row.case_stage as ReceptionRequest['caseStage'],
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

/** Accounts that may be given the request: active, a receiving role, the request's delegation or institution. */
export async function assignableUsers(tx: Tx, requestId: string) {
  const r = await tx.selectFrom('beneficiaries.requests').select(['delegation_id', 'institution_id']).where('id', '=', requestId).executeTakeFirst();
  if (!r) return undefined;
  const rows = await tx
    .selectFrom('access.users as u')
    .select(['u.id', 'u.full_name_ar', 'u.full_name_fr', 'u.role'])
    .where('u.status', '=', 'active')
    .where('u.role', 'in', ['provincial_delegate', 'social_worker', 'institution_director'])
    .where((eb) =>
      eb.or([
        eb.and([eb('u.scope_level', '=', 'delegation'), eb('u.delegation_id', '=', r.delegation_id)]),
        ...(r.institution_id ? [eb.and([eb('u.scope_level', '=', 'institution'), eb('u.institution_id', '=', r.institution_id)])] : []),
      ]),
    )
    .orderBy('u.role')
    .orderBy('u.full_name_fr')
    .limit(200)
    .execute();
  return rows.map((u) => ({ id: u.id, fullNameAr: u.full_name_ar, fullNameFr: u.full_name_fr, role: u.role }));
}
