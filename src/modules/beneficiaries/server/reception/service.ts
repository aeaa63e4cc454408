/**
 * Writes of reception: the intake (one transaction: the person, existing or new through the
 * duplicate gate, and the request), changes, assignment, opening the case file, closing.
 * The queue's rules are also the database's (0085): an assignee in the request's scope, a case of
 * the request's person, a reason to close.
 */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import type { IntakeBody, IntakeResult, RequestFields, UpdateRequestBody } from '../../contract/reception.ts';
import { createPerson } from '../persons/service.ts';

const v = (key: string) => `beneficiaries.reception.validation.${key}`;
const alreadyDone = () => new AppError(409, 'errors.conflict', [{ path: 'status', key: v('already_done') }]);

function requestColumns(b: Partial<RequestFields> & UpdateRequestBody) {
  const map: Record<string, string> = {
    channel: 'channel',
    receptionPoint: 'reception_point',
    requesterRelation: 'requester_relation',
    requesterName: 'requester_name',
    requesterPhone: 'requester_phone',
    needs: 'needs',
    services: 'services',
    summary: 'summary',
    urgency: 'urgency',
    listeningNotes: 'listening_notes',
    communeId: 'commune_id',
    consentGiven: 'consent_given',
    institutionId: 'institution_id',
    personId: 'person_id',
    status: 'status',
  };
  const cols: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(map)) {
    const value = (b as Record<string, unknown>)[field];
    if (value !== undefined) cols[column] = value;
  }
  return cols;
}

async function requirePerson(tx: Tx, personId: string): Promise<void> {
  const seen = await tx.selectFrom('beneficiaries.persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!seen) throw invalidFields({ path: 'personId', key: v('person_not_found') });
}

export async function intake(tx: Tx, user: CurrentUser, body: IntakeBody): Promise<IntakeResult> {
  let personId = body.personId ?? null;
  if (personId) await requirePerson(tx, personId);
  else if (body.person) personId = await createPerson(tx, user.id, body.person);
  const row = await tx
    .insertInto('beneficiaries.requests')
    .values({ ...requestColumns(body.request), person_id: personId, created_by: user.id } as never)
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  return { requestId: row.id, number: row.number!, personId };
}

async function current(tx: Tx, id: string) {
  const r = await tx.selectFrom('beneficiaries.requests').select(['id', 'status', 'person_id', 'assigned_to', 'needs', 'institution_id', 'delegation_id']).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound();
  return r;
}

const done = (status: string) => status === 'case_opened' || status === 'closed' || status === 'rejected';

export async function updateRequest(tx: Tx, id: string, body: UpdateRequestBody): Promise<void> {
  const r = await current(tx, id);
  if (done(r.status) && Object.keys(body).some((k) => k !== 'listeningNotes' && k !== 'summary')) throw alreadyDone();
  if (body.status === 'new' && r.status !== 'review') throw alreadyDone();
  if (body.personId) await requirePerson(tx, body.personId);
  const cols = requestColumns(body);
  if (Object.keys(cols).length) await tx.updateTable('beneficiaries.requests').set(cols as never).where('id', '=', id).execute();
}

export async function assignRequest(tx: Tx, id: string, userId: string): Promise<void> {
  const r = await current(tx, id);
  if (done(r.status)) throw alreadyDone();
  // The database refuses an assignee outside the request's scope (requests_assignee_in_scope).
  await tx
    .updateTable('beneficiaries.requests')
    .set({ assigned_to: userId, status: r.status === 'in_progress' ? 'in_progress' : 'assigned' })
    .where('id', '=', id)
    .execute();
}

/** Opens the person's case file from the request (same delegation, and institution if any). */
export async function openCase(tx: Tx, user: CurrentUser, id: string, targetGroup: string | null | undefined): Promise<{ caseId: string; number: string }> {
  const r = await current(tx, id);
  if (done(r.status)) throw alreadyDone();
  if (!r.person_id) throw invalidFields({ path: 'personId', key: v('person_required') });
  const created = await tx
    .insertInto('beneficiaries.cases')
    .values({
      person_id: r.person_id,
      delegation_id: r.delegation_id,
      institution_id: r.institution_id,
      target_group: targetGroup ?? r.needs[0] ?? null,
      handler_id: r.assigned_to ?? user.id,
      created_by: user.id,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  await tx.updateTable('beneficiaries.requests').set({ case_id: created.id, status: 'case_opened' }).where('id', '=', id).execute();
  return { caseId: created.id, number: created.number! };
}

export async function closeRequest(tx: Tx, id: string, reason: string, rejected: boolean): Promise<void> {
  const r = await current(tx, id);
  if (done(r.status)) throw alreadyDone();
  await tx.updateTable('beneficiaries.requests').set({ status: rejected ? 'rejected' : 'closed', closed_reason: reason }).where('id', '=', id).execute();
}
