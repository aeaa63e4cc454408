/**
 * Reads of the register part, under the caller's row-level security: an institution's register
 * page (decree 2.19.693 art. 11 fields, one query per table for the page), its waiting list, and
 * occupancy counts (through definer functions that return counts only).
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { invalidFields, notFound } from '../../../../server/errors.ts';
import type {
  Admission,
  InstitutionOccupancy,
  Occupancy,
  OccupancyBoardPage,
  OccupancyBoardQuery,
  RegisterEntry,
  RegisterPage,
  RegisterQuery,
  RegisterRelative,
  WaitingPage,
} from '../../contract/register.ts';

/** Opaque keyset cursor: the last row's sort key as JSON, base64url. */
export function encodeCursor(parts: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}
export function decodeCursor<T extends unknown[]>(cursor: string, check: (parts: unknown[]) => boolean): T {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && check(parts)) return parts as T;
  } catch {
    // fall through: not one of our cursors
  }
  throw invalidFields({ path: 'after', key: 'beneficiaries.register.errors.bad_cursor' });
}

const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/** The institution as the caller sees it (404 when out of scope). */
export async function visibleInstitution(tx: Tx, institutionId: string): Promise<{ id: string; nameAr: string; nameFr: string; legalCategory: string | null; centreType: string | null }> {
  const row = await tx
    .selectFrom('registry.institutions')
    .select(['id', 'name_ar', 'name_fr', 'legal_category', 'centre_type'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return { id: row.id, nameAr: row.name_ar, nameFr: row.name_fr, legalCategory: row.legal_category, centreType: row.centre_type };
}

export interface AdmissionRow {
  id: string;
  institution_id: string;
  person_id: string;
  case_id: string | null;
  referral_id: string | null;
  registration_number: string;
  registration_year: number;
  admission_date: string;
  exit_date: string | null;
  exit_reason: string | null;
  exit_destination: string | null;
  school_year: string | null;
  school_name: string | null;
  school_level: string | null;
  over_capacity_justification: string | null;
  transferred_from: string | null;
}

export const admissionColumns = sql`a.id, a.institution_id, a.person_id, a.case_id, a.referral_id, a.registration_number, a.registration_year,
  a.admission_date, a.exit_date, a.exit_reason, a.exit_destination, a.school_year, a.school_name, a.school_level,
  a.over_capacity_justification, a.transferred_from`;

export function toAdmission(r: AdmissionRow): Admission {
  return {
    id: r.id,
    institutionId: r.institution_id,
    personId: r.person_id,
    caseId: r.case_id,
    referralId: r.referral_id,
    registrationNumber: r.registration_number,
    admissionDate: r.admission_date,
    exitDate: r.exit_date,
    exitReason: r.exit_reason as Admission['exitReason'],
    exitDestination: r.exit_destination,
    schoolYear: r.school_year,
    schoolName: r.school_name,
    schoolLevel: r.school_level,
    overCapacityJustification: r.over_capacity_justification,
    transferredFrom: r.transferred_from,
  };
}

export async function findAdmission(tx: Tx, id: string): Promise<Admission | undefined> {
  const { rows } = await sql<AdmissionRow>`SELECT ${admissionColumns} FROM beneficiaries.admissions a WHERE a.id = ${id}`.execute(tx);
  return rows[0] && toAdmission(rows[0]);
}

interface RegisterRow extends AdmissionRow {
  first_name_ar: string | null;
  last_name_ar: string | null;
  first_name_lat: string | null;
  last_name_lat: string | null;
  sex: string;
  birth_date: string | null;
  birth_date_precision: string;
  birth_place: string | null;
  cnie: string | null;
  family_status: string | null;
}

export interface RegisterFilter {
  year?: number;
  status: RegisterQuery['status'];
  q?: string;
}

/**
 * Register rows of one institution, newest registration first, with family and (for the roles
 * that may read it) health status: one query for the admissions, their persons and their relatives,
 * one for the health records.
 */
export async function registerRows(tx: Tx, institutionId: string, filter: RegisterFilter, healthVisible: boolean,
  page?: { after?: string; limit: number }): Promise<{ entries: RegisterEntry[]; more: boolean }> {
  const conditions = [sql`a.institution_id = ${institutionId}`];
  if (filter.year !== undefined) conditions.push(sql`a.registration_year = ${filter.year}`);
  if (filter.status === 'open') conditions.push(sql`a.exit_date IS NULL`);
  if (filter.status === 'exited') conditions.push(sql`a.exit_date IS NOT NULL`);
  if (filter.q) {
    // Either script: the folded query inside the folded names; or the exact registration number or CNIE.
    conditions.push(sql`(a.registration_number = ${filter.q} OR p.cnie = upper(${filter.q})
      OR strpos(p.name_key_ar || ' ' || p.name_key_lat, app.fold_name(${filter.q})) > 0)`);
  }
  if (page?.after) {
    const [year, number, id] = decodeCursor<[number, string, string]>(page.after, (p) => p.length === 3 && typeof p[0] === 'number' && typeof p[1] === 'string' && isUuid(p[2]));
    conditions.push(sql`(a.registration_year, a.registration_number, a.id) < (${year}, ${number}, ${id}::uuid)`);
  }
  const limit = page ? sql`LIMIT ${page.limit + 1}` : sql``;
  const order = sql`ORDER BY a.registration_year DESC, a.registration_number DESC, a.id DESC`;
  // The page's rows, then each row's family (father, mother, guardian, kafil or legal representative,
  // under the relatives' policy) in the same statement: one round trip.
  const { rows } = await sql<RegisterRow & { family: RegisterRelative[] }>`
    SELECT a.*, coalesce((SELECT json_agg(json_build_object('relation', r.relation, 'isLegalRepresentative', r.is_legal_representative,
        'fullNameAr', r.full_name_ar, 'fullNameLat', r.full_name_lat, 'cnie', r.cnie, 'address', r.address, 'phone', r.phone,
        'profession', r.profession, 'socialSituation', r.social_situation)
        ORDER BY array_position(ARRAY['father', 'mother', 'legal_guardian', 'kafil'], r.relation), r.id)
      FROM beneficiaries.relatives r
      WHERE r.person_id = a.person_id AND (r.relation IN ('father', 'mother', 'legal_guardian', 'kafil') OR r.is_legal_representative)), '[]'::json) AS family
    FROM (
      SELECT ${admissionColumns}, p.first_name_ar, p.last_name_ar, p.first_name_lat, p.last_name_lat, p.sex, p.birth_date,
        p.birth_date_precision, p.birth_place, p.cnie, p.family_status
      FROM beneficiaries.admissions a JOIN beneficiaries.persons p ON p.id = a.person_id
      WHERE ${sql.join(conditions, sql` AND `)}
      ${order} ${limit}) a
    ${order}`.execute(tx);
  const more = page ? rows.length > page.limit : false;
  const shown = page ? rows.slice(0, page.limit) : rows;
  const personIds = [...new Set(shown.map((r) => r.person_id))];
  const health = new Map<string, string>();
  if (personIds.length > 0) {
    // Health status is sensitive: not even queried for other roles (and the policy hides it anyway).
    if (healthVisible) {
      const statuses = await sql<{ person_id: string; status: string }>`
        SELECT DISTINCT ON (person_id) person_id, status FROM beneficiaries.health_records
        WHERE person_id = ANY(${personIds}::uuid[]) ORDER BY person_id, recorded_on DESC, created_at DESC`.execute(tx);
      for (const s of statuses.rows) health.set(s.person_id, s.status);
    }
  }
  const entries = shown.map((r): RegisterEntry => ({
    id: r.id,
    registrationNumber: r.registration_number,
    registrationYear: r.registration_year,
    admissionDate: r.admission_date,
    exitDate: r.exit_date,
    exitReason: r.exit_reason as RegisterEntry['exitReason'],
    exitDestination: r.exit_destination,
    schoolYear: r.school_year,
    schoolName: r.school_name,
    schoolLevel: r.school_level,
    overCapacityJustification: r.over_capacity_justification,
    transferredFrom: r.transferred_from,
    caseId: r.case_id,
    person: {
      id: r.person_id,
      firstNameAr: r.first_name_ar,
      lastNameAr: r.last_name_ar,
      firstNameLat: r.first_name_lat,
      lastNameLat: r.last_name_lat,
      sex: r.sex as RegisterEntry['person']['sex'],
      birthDate: r.birth_date,
      birthDatePrecision: r.birth_date_precision as RegisterEntry['person']['birthDatePrecision'],
      birthPlace: r.birth_place,
      cnie: r.cnie,
      familyStatus: r.family_status as RegisterEntry['person']['familyStatus'],
    },
    family: r.family,
    healthStatus: (health.get(r.person_id) ?? null) as RegisterEntry['healthStatus'],
  }));
  return { entries, more };
}

export async function registerPage(tx: Tx, institutionId: string, q: RegisterQuery, healthVisible: boolean): Promise<RegisterPage> {
  await visibleInstitution(tx, institutionId);
  const { entries, more } = await registerRows(tx, institutionId, q, healthVisible, { after: q.after, limit: q.limit });
  const last = entries[entries.length - 1];
  return {
    items: entries,
    nextCursor: more && last ? encodeCursor([last.registrationYear, last.registrationNumber, last.id]) : null,
    healthVisible,
  };
}

interface OccupancyRow {
  institution_id: string;
  capacity_male: number;
  capacity_female: number;
  occupied_male: number;
  occupied_female: number;
  waiting: number;
}

const toOccupancy = (r: OccupancyRow): Occupancy => ({
  institutionId: r.institution_id,
  capacityMale: r.capacity_male,
  capacityFemale: r.capacity_female,
  occupiedMale: r.occupied_male,
  occupiedFemale: r.occupied_female,
  freeMale: Math.max(0, r.capacity_male - r.occupied_male),
  freeFemale: Math.max(0, r.capacity_female - r.occupied_female),
  waiting: r.waiting,
});

async function occupancyOf(tx: Tx, institutionIds: readonly string[]): Promise<Map<string, Occupancy>> {
  if (institutionIds.length === 0) return new Map();
  const { rows } = await sql<OccupancyRow>`SELECT * FROM beneficiaries.institution_occupancy(${[...institutionIds]}::uuid[])`.execute(tx);
  return new Map(rows.map((r) => [r.institution_id, toOccupancy(r)]));
}

/** Counts of any institution in the country (a referring delegation reads them); 404 for an unknown id. */
export async function institutionOccupancy(tx: Tx, institutionId: string): Promise<InstitutionOccupancy> {
  const occupancy = (await occupancyOf(tx, [institutionId])).get(institutionId);
  if (!occupancy) throw notFound();
  const { rows } = await sql<{ school_year: string; admitted_male: number; admitted_female: number; present_male: number; present_female: number }>`
    SELECT * FROM beneficiaries.school_year_occupancy(${institutionId}::uuid)`.execute(tx);
  return {
    ...occupancy,
    schoolYears: rows.map((r) => ({
      schoolYear: r.school_year,
      admittedMale: r.admitted_male,
      admittedFemale: r.admitted_female,
      presentMale: r.present_male,
      presentFemale: r.present_female,
    })),
  };
}

/** The occupancy board of the caller's scope: institutions by French name (keyset), with their counts. */
export async function occupancyBoard(tx: Tx, q: OccupancyBoardQuery): Promise<OccupancyBoardPage> {
  let query = tx
    .selectFrom('registry.institutions as i')
    .leftJoin('organisation.delegations as d', 'd.id', 'i.delegation_id')
    .select(['i.id', 'i.name_ar', 'i.name_fr', 'i.legal_category', 'i.centre_type', 'i.sex_served', 'd.name_ar as delegation_ar', 'd.name_fr as delegation_fr'])
    .orderBy('i.name_fr')
    .orderBy('i.id')
    .limit(q.limit + 1);
  if (q.regionId) query = query.where('i.region_id', '=', q.regionId);
  if (q.delegationId) query = query.where('i.delegation_id', '=', q.delegationId);
  if (q.legalCategory) query = query.where('i.legal_category', '=', q.legalCategory);
  if (q.centreType) query = query.where('i.centre_type', '=', q.centreType);
  if (q.after) {
    const [name, id] = decodeCursor<[string, string]>(q.after, (p) => p.length === 2 && typeof p[0] === 'string' && isUuid(p[1]));
    query = query.where(sql<boolean>`(i.name_fr, i.id) > (${name}, ${id}::uuid)`);
  }
  const rows = await query.execute();
  const shown = rows.slice(0, q.limit);
  const counts = await occupancyOf(tx, shown.map((r) => r.id));
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => ({
      ...counts.get(r.id)!,
      nameAr: r.name_ar,
      nameFr: r.name_fr,
      legalCategory: r.legal_category as OccupancyBoardPage['items'][number]['legalCategory'],
      centreType: r.centre_type as OccupancyBoardPage['items'][number]['centreType'],
      sexServed: r.sex_served as OccupancyBoardPage['items'][number]['sexServed'],
      delegationNameAr: r.delegation_ar,
      delegationNameFr: r.delegation_fr,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.name_fr, last.id]) : null,
  };
}

/** Accepted referrals to the institution not yet admitted, oldest decision first. */
export async function waitingList(tx: Tx, institutionId: string, page: { after?: string; limit: number }): Promise<WaitingPage> {
  await visibleInstitution(tx, institutionId);
  const conditions = [sql`r.institution_id = ${institutionId}`, sql`r.state = 'accepted'`];
  if (page.after) {
    const [decided, id] = decodeCursor<[string, string]>(page.after, (p) => p.length === 2 && typeof p[0] === 'string' && isUuid(p[1]));
    conditions.push(sql`(coalesce(r.decided_on, r.proposed_on), r.id) > (${decided}::date, ${id}::uuid)`);
  }
  const { rows } = await sql<{ id: string; case_id: string; number: string | null; service: string; proposed_on: string; decided_on: string | null; sort_on: string;
    person_id: string; first_name_ar: string | null; last_name_ar: string | null; first_name_lat: string | null; last_name_lat: string | null; sex: string; birth_date: string | null }>`
    SELECT r.id, r.case_id, c.number, r.service, r.proposed_on, r.decided_on, coalesce(r.decided_on, r.proposed_on)::text AS sort_on,
      p.id AS person_id, p.first_name_ar, p.last_name_ar, p.first_name_lat, p.last_name_lat, p.sex, p.birth_date
    FROM beneficiaries.referrals r
    JOIN beneficiaries.persons p ON p.id = r.person_id
    LEFT JOIN beneficiaries.cases c ON c.id = r.case_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY coalesce(r.decided_on, r.proposed_on), r.id
    LIMIT ${page.limit + 1}`.execute(tx);
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => ({
      referralId: r.id,
      caseId: r.case_id,
      caseNumber: r.number,
      service: r.service,
      proposedOn: r.proposed_on,
      decidedOn: r.decided_on,
      person: {
        id: r.person_id,
        firstNameAr: r.first_name_ar,
        lastNameAr: r.last_name_ar,
        firstNameLat: r.first_name_lat,
        lastNameLat: r.last_name_lat,
        sex: r.sex as WaitingPage['items'][number]['person']['sex'],
        birthDate: r.birth_date,
      },
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.sort_on, last.id]) : null,
  };
}
