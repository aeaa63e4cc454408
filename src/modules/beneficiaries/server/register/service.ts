/**
 * Writes of the register: admissions, their corrections, exits and transfers. The rules (who a
 * category admits, capacity, consent for transfers, the pathway moves) are the database's (0095);
 * this file checks what the caller may see first, so out-of-scope records answer 404.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import type { Admission, AdmissionBody, AdmissionPatch, ExitBody, TransferBody } from '../../contract/register.ts';
import { admissionColumns, findAdmission, toAdmission, visibleInstitution, type AdmissionRow } from './queries.ts';

export async function admit(tx: Tx, user: CurrentUser, institutionId: string, body: AdmissionBody): Promise<Admission> {
  await visibleInstitution(tx, institutionId);
  const person = await tx.selectFrom('beneficiaries.persons').select(['id', 'merged_into']).where('id', '=', body.personId).executeTakeFirst();
  if (!person) throw invalidFields({ path: 'personId', key: 'beneficiaries.register.errors.person_unknown' });
  if (person.merged_into) throw invalidFields({ path: 'personId', key: 'beneficiaries.register.errors.person_merged' });
  const { rows } = await sql<AdmissionRow>`
    INSERT INTO beneficiaries.admissions AS a (institution_id, person_id, case_id, referral_id, admission_date, school_year, school_name,
      school_level, over_capacity_justification, created_by)
    VALUES (${institutionId}, ${body.personId}, ${body.caseId ?? null}, ${body.referralId ?? null}, ${body.admissionDate}, ${body.schoolYear ?? null},
      ${body.schoolName ?? null}, ${body.schoolLevel ?? null}, ${body.overCapacityJustification ?? null}, ${user.id})
    RETURNING ${admissionColumns}`.execute(tx);
  return toAdmission(rows[0]!);
}

async function openAdmission(tx: Tx, id: string): Promise<Admission> {
  const admission = await findAdmission(tx, id);
  if (!admission) throw notFound();
  if (admission.exitDate) throw new AppError(409, 'beneficiaries.register.errors.admission_closed');
  return admission;
}

export async function updateAdmission(tx: Tx, id: string, body: AdmissionPatch): Promise<Admission> {
  const columns: Record<string, unknown> = {
    admission_date: body.admissionDate,
    school_year: body.schoolYear,
    school_name: body.schoolName,
    school_level: body.schoolLevel,
    over_capacity_justification: body.overCapacityJustification,
    exit_destination: body.exitDestination,
  };
  const set = Object.entries(columns).filter(([, v]) => v !== undefined);
  if (set.length === 0) {
    const admission = await findAdmission(tx, id);
    if (!admission) throw notFound();
    return admission;
  }
  const { rows } = await sql<AdmissionRow>`
    UPDATE beneficiaries.admissions AS a SET ${sql.join(set.map(([k, v]) => sql`${sql.ref(k)} = ${v}`))}
    WHERE a.id = ${id} RETURNING ${admissionColumns}`.execute(tx);
  if (!rows[0]) throw notFound();
  return toAdmission(rows[0]);
}

export async function exitAdmission(tx: Tx, id: string, body: ExitBody): Promise<Admission> {
  await openAdmission(tx, id);
  const { rows } = await sql<AdmissionRow>`
    UPDATE beneficiaries.admissions AS a SET exit_date = ${body.exitDate}, exit_reason = ${body.exitReason}, exit_destination = ${body.exitDestination ?? null}
    WHERE a.id = ${id} RETURNING ${admissionColumns}`.execute(tx);
  return toAdmission(rows[0]!);
}

export async function transferAdmission(tx: Tx, id: string, body: TransferBody): Promise<{ id: string; consentRequired: boolean; fromAdmission: Admission; toAdmissionId: string }> {
  await openAdmission(tx, id);
  // The receiving institution may be in another delegation: its existence is checked nationally.
  const { rows: exists } = await sql<{ institution_id: string }>`SELECT institution_id FROM beneficiaries.institution_occupancy(${[body.toInstitutionId]}::uuid[])`.execute(tx);
  if (exists.length === 0) throw invalidFields({ path: 'toInstitutionId', key: 'beneficiaries.register.errors.institution_unknown' });
  const { rows } = await sql<{ id: string; to_admission_id: string; consent_required: boolean }>`
    INSERT INTO beneficiaries.transfers (from_admission_id, to_institution_id, transfer_date, reason, consent_by, consent_name, consent_date, over_capacity_justification)
    VALUES (${id}, ${body.toInstitutionId}, ${body.date}, ${body.reason}, ${body.consentBy}, ${body.consentName ?? null}, ${body.consentDate ?? null},
      ${body.overCapacityJustification ?? null})
    RETURNING id, to_admission_id, consent_required`.execute(tx);
  const transfer = rows[0]!;
  return { id: transfer.id, consentRequired: transfer.consent_required, fromAdmission: (await findAdmission(tx, id))!, toAdmissionId: transfer.to_admission_id };
}
