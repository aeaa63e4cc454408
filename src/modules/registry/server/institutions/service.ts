/**
 * Writes of institutions and their rooms, services and committee. Everything runs under the
 * caller's row-level security: an institution out of scope is not found (404); a founder or a
 * commune the caller may not use is a field error (400). The database re-checks every rule (0051,
 * 0065), and its refusals come back as field errors through the registered constraint messages.
 */
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import type {
  CommitteeMemberBody,
  CreateInstitutionBody,
  Institution,
  RoomBody,
  ServicesBody,
  UpdateInstitutionBody,
} from '../../contract/institutions.ts';
import { committeeSeatLimits } from '../../contract/institutions.ts';
import { findInstitution } from './queries.ts';

type Columns = Record<string, unknown>;

/** API field names to columns; only the fields given are written. */
function toColumns(body: UpdateInstitutionBody): Columns {
  const map: Record<keyof UpdateInstitutionBody, string> = {
    associationId: 'association_id',
    nameAr: 'name_ar',
    nameFr: 'name_fr',
    legalCategory: 'legal_category',
    centreType: 'centre_type',
    communeId: 'commune_id',
    addressAr: 'address_ar',
    addressFr: 'address_fr',
    latitude: 'latitude',
    longitude: 'longitude',
    area: 'area',
    mode: 'mode',
    sexServed: 'sex_served',
    capacityMale: 'capacity_male',
    capacityFemale: 'capacity_female',
    targetGroups: 'target_groups',
    feeMode: 'fee_mode',
    directorNameAr: 'director_name_ar',
    directorNameFr: 'director_name_fr',
    directorAppointedOn: 'director_appointed_on',
    directorEndorsedOn: 'director_endorsed_on',
    phone: 'phone',
    email: 'email',
    openedOn: 'opened_on',
  };
  const out: Columns = {};
  for (const [field, value] of Object.entries(body)) {
    const column = map[field as keyof UpdateInstitutionBody];
    if (column && value !== undefined) out[column] = value;
  }
  return out;
}

/** The founder must be an association the caller sees (row-level security) — else a field error. */
async function checkFounder(tx: Tx, associationId: string): Promise<void> {
  const found = await tx.selectFrom('registry.associations').select('id').where('id', '=', associationId).executeTakeFirst();
  if (!found) throw invalidFields({ path: 'associationId', key: 'registry.institutions.founder_unknown' });
}

/**
 * The commune must exist and lie within the caller's scope (a delegation places institutions in
 * its own provinces). Communes are readable by all, so this is asked explicitly; the institution's
 * own policy checks it again on write.
 */
async function checkCommune(tx: Tx, communeId: string, associationId: string): Promise<void> {
  const found = await tx
    .selectFrom('territory.communes as c')
    .select('c.id')
    .where('c.id', '=', communeId)
    .where(sql<SqlBool>`app.scope_allows(c.region_id, c.delegation_id, ${associationId}::uuid, NULL)`)
    .executeTakeFirst();
  if (!found) throw invalidFields({ path: 'communeId', key: 'registry.institutions.commune_out_of_scope' });
}

export async function createInstitution(tx: Tx, body: CreateInstitutionBody): Promise<Institution> {
  await checkFounder(tx, body.associationId);
  await checkCommune(tx, body.communeId, body.associationId);
  const row = await tx
    .insertInto('registry.institutions')
    .values(toColumns(body) as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findInstitution(tx, row.id))!;
}

export async function updateInstitution(tx: Tx, id: string, body: UpdateInstitutionBody): Promise<Institution> {
  const current = await tx
    .selectFrom('registry.institutions')
    .select(['association_id', 'commune_id', 'legal_category', 'fee_mode'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound();
  const associationId = body.associationId ?? current.association_id;
  if (body.associationId && body.associationId !== current.association_id) await checkFounder(tx, body.associationId);
  if ((body.communeId && body.communeId !== current.commune_id) || associationId !== current.association_id) {
    await checkCommune(tx, body.communeId ?? current.commune_id, associationId);
  }
  const columns = toColumns(body);
  if (Object.keys(columns).length > 0) {
    const updated = await tx.updateTable('registry.institutions').set(columns as never).where('id', '=', id).returning('id').executeTakeFirst();
    if (!updated) throw notFound();
  }
  return (await findInstitution(tx, id))!;
}

/** The institution must be visible (and so writable: one policy covers both) before its children change. */
async function requireInstitution(tx: Tx, id: string): Promise<void> {
  const found = await tx.selectFrom('registry.institutions').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound();
}

export async function addRoom(tx: Tx, institutionId: string, body: RoomBody): Promise<void> {
  await requireInstitution(tx, institutionId);
  await tx
    .insertInto('registry.rooms')
    .values({ institution_id: institutionId, name: body.name, kind: body.kind, sex: body.sex, area_m2: body.areaM2 == null ? null : String(body.areaM2), places: body.places })
    .execute();
}

export async function updateRoom(tx: Tx, institutionId: string, roomId: string, body: RoomBody): Promise<void> {
  await requireInstitution(tx, institutionId);
  const updated = await tx
    .updateTable('registry.rooms')
    .set({ name: body.name, kind: body.kind, sex: body.sex, area_m2: body.areaM2 == null ? null : String(body.areaM2), places: body.places })
    .where('id', '=', roomId)
    .where('institution_id', '=', institutionId)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw notFound();
}

export async function deleteRoom(tx: Tx, institutionId: string, roomId: string): Promise<void> {
  await requireInstitution(tx, institutionId);
  const deleted = await tx.deleteFrom('registry.rooms').where('id', '=', roomId).where('institution_id', '=', institutionId).returning('id').executeTakeFirst();
  if (!deleted) throw notFound();
}

/** Replaces the whole set of services: removes those no longer offered, upserts the others. */
export async function replaceServices(tx: Tx, institutionId: string, body: ServicesBody): Promise<void> {
  await requireInstitution(tx, institutionId);
  const keep = body.services.map((s) => s.service);
  let removal = tx.deleteFrom('registry.institution_services').where('institution_id', '=', institutionId);
  if (keep.length > 0) removal = removal.where('service', 'not in', keep);
  await removal.execute();
  if (body.services.length === 0) return;
  await tx
    .insertInto('registry.institution_services')
    .values(body.services.map((s) => ({ institution_id: institutionId, service: s.service, permanence: s.permanence, extent: s.extent })))
    .onConflict((oc) => oc.columns(['institution_id', 'service']).doUpdateSet((eb) => ({ permanence: eb.ref('excluded.permanence'), extent: eb.ref('excluded.extent') })))
    .execute();
}

/**
 * Art. 25 limits, said at the edge before the database trigger (0065) says the same: one chair,
 * two representatives each of staff, beneficiaries and families (sitting members only).
 */
async function checkSeat(tx: Tx, institutionId: string, body: CommitteeMemberBody, exceptId: string | null): Promise<void> {
  const limit = committeeSeatLimits[body.seat];
  const today = new Date().toISOString().slice(0, 10);
  if (limit === undefined || (body.until && body.until <= today)) return;
  let query = tx
    .selectFrom('registry.committee_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('institution_id', '=', institutionId)
    .where('seat', '=', body.seat)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', sql<Date>`current_date`)]));
  if (exceptId) query = query.where('id', '<>', exceptId);
  const { n } = await query.executeTakeFirstOrThrow();
  if (Number(n) >= limit) {
    const key = body.seat === 'founder_chair' ? 'registry.institutions.committee_one_chair' : 'registry.institutions.committee_seat_full';
    throw new AppError(400, 'errors.validation', [{ path: 'seat', key, params: { limit } }]);
  }
}

export async function addCommitteeMember(tx: Tx, institutionId: string, body: CommitteeMemberBody): Promise<void> {
  await requireInstitution(tx, institutionId);
  await checkSeat(tx, institutionId, body, null);
  await tx
    .insertInto('registry.committee_members')
    .values({ institution_id: institutionId, seat: body.seat, full_name: body.fullName, since: body.since, until: body.until ?? null })
    .execute();
}

export async function updateCommitteeMember(tx: Tx, institutionId: string, memberId: string, body: CommitteeMemberBody): Promise<void> {
  await requireInstitution(tx, institutionId);
  await checkSeat(tx, institutionId, body, memberId);
  const updated = await tx
    .updateTable('registry.committee_members')
    .set({ seat: body.seat, full_name: body.fullName, since: body.since, until: body.until ?? null })
    .where('id', '=', memberId)
    .where('institution_id', '=', institutionId)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw notFound();
}

export async function deleteCommitteeMember(tx: Tx, institutionId: string, memberId: string): Promise<void> {
  await requireInstitution(tx, institutionId);
  const deleted = await tx
    .deleteFrom('registry.committee_members')
    .where('id', '=', memberId)
    .where('institution_id', '=', institutionId)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw notFound();
}
