/**
 * Test data factories of the registry: each call makes fresh rows (as the tables' owner) with
 * unique names, so tests never share or mutate one another's data. Only what a test names is
 * fixed; the rest takes plausible defaults.
 */
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../../server/testing/harness.ts';
import { ribKey } from '../contract/values.ts';

const unique = () => randomUUID().slice(0, 8);

/** A valid RIB (24 digits with its key), different on each call. */
export function validRib(): string {
  const first22 = `007${'780'}${String(Math.floor(Math.random() * 1e15)).padStart(16, '0')}`;
  return first22 + ribKey(first22);
}

export interface CommuneSpec {
  /** Province code, e.g. '09.001' (Agadir Ida-Outanane). */
  province?: string;
  nameFr?: string;
  nameAr?: string;
  kind?: 'urban' | 'rural';
}

export async function createCommune(server: TestServer, spec: CommuneSpec = {}): Promise<{ id: string; provinceId: string }> {
  const suffix = unique();
  const [row] = await server.owner<{ id: string; province_id: string }>(
    `INSERT INTO territory.communes (province_id, kind, name_ar, name_fr)
     VALUES ((SELECT id FROM territory.provinces WHERE code = $1), $2, $3, $4) RETURNING id, province_id`,
    [spec.province ?? '09.001', spec.kind ?? 'urban', spec.nameAr ?? `جماعة ${suffix}`, spec.nameFr ?? `Commune ${suffix}`],
  );
  return { id: row!.id, provinceId: row!.province_id };
}

export interface AssociationSpec {
  communeId?: string;
  /** Used when no commune is given: a new commune is made in this province. */
  province?: string;
  nameFr?: string;
  nameAr?: string;
  legalForm?: 'association' | 'natural_person' | 'public_body' | 'private_company';
}

export async function createAssociation(server: TestServer, spec: AssociationSpec = {}): Promise<{ id: string; communeId: string }> {
  const communeId = spec.communeId ?? (await createCommune(server, { province: spec.province })).id;
  const suffix = unique();
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO registry.associations (legal_form, name_ar, name_fr, receipt_number, receipt_date, rib, commune_id)
     VALUES ($1, $2, $3, $4, '2015-03-01', $5, $6) RETURNING id`,
    [spec.legalForm ?? 'association', spec.nameAr ?? `جمعية ${suffix}`, spec.nameFr ?? `Association ${suffix}`, `R-${suffix}`, validRib(), communeId],
  );
  return { id: row!.id, communeId };
}

export interface InstitutionSpec {
  associationId?: string;
  communeId?: string;
  province?: string;
  nameFr?: string;
  nameAr?: string;
  legalCategory?: string | null;
  centreType?: string | null;
  sexServed?: 'boys' | 'girls' | 'mixed';
  capacityMale?: number;
  capacityFemale?: number;
  area?: 'urban' | 'rural';
}

export async function createInstitution(server: TestServer, spec: InstitutionSpec = {}): Promise<{ id: string; associationId: string; communeId: string }> {
  const communeId = spec.communeId ?? (await createCommune(server, { province: spec.province })).id;
  const associationId = spec.associationId ?? (await createAssociation(server, { communeId })).id;
  const suffix = unique();
  const sexServed = spec.sexServed ?? 'mixed';
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO registry.institutions (association_id, name_ar, name_fr, legal_category, centre_type, commune_id,
       area, mode, sex_served, capacity_male, capacity_female)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'residential', $8, $9, $10) RETURNING id`,
    [
      associationId,
      spec.nameAr ?? `دار الطالب ${suffix}`,
      spec.nameFr ?? `Dar Talib ${suffix}`,
      spec.legalCategory === undefined ? 'schooled_children' : spec.legalCategory,
      spec.centreType === undefined ? 'student_home' : spec.centreType,
      communeId,
      spec.area ?? 'urban',
      sexServed,
      spec.capacityMale ?? (sexServed === 'girls' ? 0 : 40),
      spec.capacityFemale ?? (sexServed === 'boys' ? 0 : 40),
    ],
  );
  return { id: row!.id, associationId, communeId };
}
