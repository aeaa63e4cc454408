/**
 * Test data factories of the beneficiaries module: each call makes fresh rows (as the tables'
 * owner) under the scope the test names, so tests never share or mutate one another's data.
 * Scope keys and human numbers are filled by the database's triggers, as in real use.
 */
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../../server/testing/harness.ts';

const unique = () => randomUUID().slice(0, 8);

export interface PersonSpec {
  /** Holding delegation, by code ('09.001' Agadir); ignored when an institution is given. */
  delegation?: string;
  institutionId?: string;
  firstNameAr?: string | null;
  lastNameAr?: string | null;
  firstNameLat?: string | null;
  lastNameLat?: string | null;
  sex?: 'male' | 'female';
  birthDate?: string | null;
  cnie?: string | null;
  idcs?: string | null;
  phone?: string | null;
}

export async function createPerson(server: TestServer, spec: PersonSpec = {}): Promise<{ id: string; delegationId: string }> {
  const suffix = unique();
  const [row] = await server.owner<{ id: string; delegation_id: string }>(
    `INSERT INTO beneficiaries.persons (first_name_ar, last_name_ar, first_name_lat, last_name_lat, sex, birth_date, cnie, idcs, phone,
       institution_id, delegation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10::uuid IS NULL THEN (SELECT id FROM organisation.delegations WHERE code = $11) END)
     RETURNING id, delegation_id`,
    [
      spec.firstNameAr === undefined ? 'فاطمة' : spec.firstNameAr,
      spec.lastNameAr === undefined ? `الإدريسي ${suffix}` : spec.lastNameAr,
      spec.firstNameLat === undefined ? 'Fatima' : spec.firstNameLat,
      spec.lastNameLat === undefined ? `Idrissi ${suffix}` : spec.lastNameLat,
      spec.sex ?? 'female',
      spec.birthDate === undefined ? '2010-05-14' : spec.birthDate,
      spec.cnie ?? null,
      spec.idcs ?? null,
      spec.phone ?? null,
      spec.institutionId ?? null,
      spec.delegation ?? '09.001',
    ],
  );
  return { id: row!.id, delegationId: row!.delegation_id };
}

export interface CaseSpec {
  personId: string;
  institutionId?: string;
  stage?: string;
  targetGroup?: string;
  handlerId?: string;
}

export async function createCase(server: TestServer, spec: CaseSpec): Promise<{ id: string; number: string }> {
  const [row] = await server.owner<{ id: string; number: string }>(
    `INSERT INTO beneficiaries.cases (person_id, institution_id, stage, target_group, handler_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id, number`,
    [spec.personId, spec.institutionId ?? null, spec.stage ?? 'reception', spec.targetGroup ?? 'schooled_children', spec.handlerId ?? null],
  );
  return { id: row!.id, number: row!.number };
}

export interface RequestSpec {
  personId?: string;
  delegation?: string;
  institutionId?: string;
  channel?: 'walk_in' | 'phone' | 'referral' | 'public_request';
  status?: string;
  urgency?: 'low' | 'normal' | 'high' | 'emergency';
  requesterName?: string;
}

export async function createRequest(server: TestServer, spec: RequestSpec = {}): Promise<{ id: string; number: string }> {
  const [row] = await server.owner<{ id: string; number: string }>(
    `INSERT INTO beneficiaries.requests (person_id, channel, reception_point, requester_name, needs, urgency, status, institution_id, delegation_id, closed_reason)
     VALUES ($1, $2, $3, $4, '{schooled_children}', $5, $6, $7, CASE WHEN $7::uuid IS NULL THEN (SELECT id FROM organisation.delegations WHERE code = $8) END,
       CASE WHEN $6 IN ('closed', 'rejected') THEN 'Demande traitée' END)
     RETURNING id, number`,
    [
      spec.personId ?? null,
      spec.channel ?? 'walk_in',
      spec.institutionId ? 'institution' : 'delegation_desk',
      spec.requesterName ?? (spec.personId ? null : `Demandeur ${unique()}`),
      spec.urgency ?? 'normal',
      spec.status ?? 'new',
      spec.institutionId ?? null,
      spec.delegation ?? '09.001',
    ],
  );
  return { id: row!.id, number: row!.number };
}

export interface AdmissionSpec {
  institutionId: string;
  personId: string;
  caseId?: string;
  admissionDate?: string;
  exitDate?: string | null;
  exitReason?: string | null;
  schoolYear?: string | null;
}

export async function createAdmission(server: TestServer, spec: AdmissionSpec): Promise<{ id: string; registrationNumber: string }> {
  const [row] = await server.owner<{ id: string; registration_number: string }>(
    `INSERT INTO beneficiaries.admissions (institution_id, person_id, case_id, admission_date, exit_date, exit_reason, school_year)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, registration_number`,
    [spec.institutionId, spec.personId, spec.caseId ?? null, spec.admissionDate ?? '2026-09-15', spec.exitDate ?? null, spec.exitReason ?? null, spec.schoolYear ?? null],
  );
  return { id: row!.id, registrationNumber: row!.registration_number };
}

export interface ReferralSpec {
  caseId: string;
  institutionId?: string;
  outsideService?: string;
  service?: string;
  state?: 'proposed' | 'accepted' | 'declined' | 'completed' | 'cancelled';
}

/** A valid referral: the receiving institution is made to offer the service first (the database refuses others). */
export async function createReferral(server: TestServer, spec: ReferralSpec): Promise<{ id: string }> {
  if (spec.institutionId) {
    await server.owner(
      `INSERT INTO registry.institution_services (institution_id, service, permanence, extent) VALUES ($1, $2, 'permanent', 'full')
       ON CONFLICT (institution_id, service) DO NOTHING`,
      [spec.institutionId, spec.service ?? 'accommodation'],
    );
  }
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO beneficiaries.referrals (case_id, person_id, institution_id, outside_service, service, state)
     VALUES ($1, (SELECT person_id FROM beneficiaries.cases WHERE id = $1), $2, $3, $4, $5) RETURNING id`,
    [spec.caseId, spec.institutionId ?? null, spec.institutionId ? null : (spec.outsideService ?? 'Hôpital provincial'), spec.service ?? 'accommodation', spec.state ?? 'proposed'],
  );
  return { id: row!.id };
}
