/**
 * Writes of persons, their relatives and households. Every creation of a person goes through the
 * duplicate gate (guardAgainstDuplicates); the holder's keys come from the database's triggers.
 */
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import type { MatchInput } from '../../contract/matching.ts';
import type { CreatePersonBody, HouseholdBody, RelativeBody, UpdatePersonBody } from '../../contract/persons.ts';
import { guardAgainstDuplicates } from '../matching/guard.ts';

type PersonFields = Omit<UpdatePersonBody, never>;

/** Contract fields → columns (only those given: a PATCH leaves the others alone). */
function personColumns(b: PersonFields) {
  const cols: Record<string, unknown> = {};
  const map: Record<string, string> = {
    firstNameAr: 'first_name_ar',
    lastNameAr: 'last_name_ar',
    firstNameLat: 'first_name_lat',
    lastNameLat: 'last_name_lat',
    sex: 'sex',
    birthDate: 'birth_date',
    birthDatePrecision: 'birth_date_precision',
    birthPlace: 'birth_place',
    cnie: 'cnie',
    idcs: 'idcs',
    phone: 'phone',
    address: 'address',
    communeId: 'commune_id',
    familyStatus: 'family_status',
    schoolingLevel: 'schooling_level',
    householdId: 'household_id',
  };
  for (const [field, column] of Object.entries(map)) {
    const value = (b as Record<string, unknown>)[field];
    if (value !== undefined) cols[column] = value;
  }
  return cols;
}

export function matchInputOf(b: CreatePersonBody): MatchInput {
  return {
    firstNameAr: b.firstNameAr ?? null,
    lastNameAr: b.lastNameAr ?? null,
    firstNameLat: b.firstNameLat ?? null,
    lastNameLat: b.lastNameLat ?? null,
    sex: b.sex,
    birthDate: b.birthDate ?? null,
    birthPlace: b.birthPlace ?? null,
    cnie: b.cnie ?? null,
    idcs: b.idcs ?? null,
    phone: b.phone ?? null,
  };
}

/** Creates a person after the duplicate gate; returns its id. */
export async function createPerson(tx: Tx, userId: string, body: CreatePersonBody): Promise<string> {
  await guardAgainstDuplicates(tx, matchInputOf(body), body.acknowledgeDuplicates);
  const row = await tx
    .insertInto('beneficiaries.persons')
    .values({ ...personColumns(body), sex: body.sex, delegation_id: body.delegationId ?? null, created_by: userId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(tx: Tx, id: string, body: UpdatePersonBody): Promise<void> {
  const cols = personColumns(body);
  if (Object.keys(cols).length === 0) {
    const seen = await tx.selectFrom('beneficiaries.persons').select('id').where('id', '=', id).executeTakeFirst();
    if (!seen) throw notFound();
    return;
  }
  const done = await tx.updateTable('beneficiaries.persons').set(cols as never).where('id', '=', id).executeTakeFirst();
  if (done.numUpdatedRows === 0n) throw notFound();
}

function relativeColumns(b: RelativeBody) {
  return {
    relation: b.relation,
    is_legal_representative: b.isLegalRepresentative,
    full_name_ar: b.fullNameAr ?? null,
    full_name_lat: b.fullNameLat ?? null,
    cnie: b.cnie ?? null,
    phone: b.phone ?? null,
    address: b.address ?? null,
    profession: b.profession ?? null,
    social_situation: b.socialSituation ?? null,
    alive: b.alive,
  };
}

async function requirePerson(tx: Tx, personId: string): Promise<void> {
  const seen = await tx.selectFrom('beneficiaries.persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!seen) throw notFound();
}

export async function addRelative(tx: Tx, personId: string, body: RelativeBody): Promise<string> {
  await requirePerson(tx, personId);
  const row = await tx.insertInto('beneficiaries.relatives').values({ person_id: personId, ...relativeColumns(body) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRelative(tx: Tx, personId: string, relativeId: string, body: RelativeBody): Promise<void> {
  const done = await tx.updateTable('beneficiaries.relatives').set(relativeColumns(body)).where('id', '=', relativeId).where('person_id', '=', personId).executeTakeFirst();
  if (done.numUpdatedRows === 0n) throw notFound();
}

export async function deleteRelative(tx: Tx, personId: string, relativeId: string): Promise<void> {
  const done = await tx.deleteFrom('beneficiaries.relatives').where('id', '=', relativeId).where('person_id', '=', personId).executeTakeFirst();
  if (done.numDeletedRows === 0n) throw notFound();
}

const householdColumns = (b: HouseholdBody) => ({ label: b.label, address: b.address ?? null, commune_id: b.communeId ?? null, rsu_registered: b.rsuRegistered });

export async function createHousehold(tx: Tx, body: HouseholdBody): Promise<string> {
  const row = await tx.insertInto('beneficiaries.households').values(householdColumns(body)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateHousehold(tx: Tx, id: string, body: HouseholdBody): Promise<void> {
  const done = await tx.updateTable('beneficiaries.households').set(householdColumns(body)).where('id', '=', id).executeTakeFirst();
  if (done.numUpdatedRows === 0n) throw notFound();
}
