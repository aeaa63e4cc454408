/**
 * The register's rules that live in the database (0095), checked with direct SQL so they hold
 * whatever the API does: who a category admits, capacity by sex, the pathway an admission and an
 * exit move, transfers that need consent, and the occupancy counts a referring delegation reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createAdmission, createCase, createPerson, createReferral } from '../../testing/factories.ts';

let server: TestServer;
let sql: SqlAs;
beforeAll(async () => {
  server = await startTestServer();
  sql = await sqlAs(server);
});
afterAll(async () => {
  await sql.end();
  await server.close();
});

const darTaliba = (capacityFemale = 40) =>
  createInstitution(server, { province: '09.001', legalCategory: 'schooled_children', centreType: 'student_home', sexServed: 'girls', capacityFemale });

describe('who a category admits', () => {
  it('refuses a boy, an adult and an unknown age in a Dar Taliba, and fills the school year of a girl of 14', async () => {
    const home = await darTaliba();
    const boy = await createPerson(server, { sex: 'male', birthDate: '2012-03-01' });
    const adult = await createPerson(server, { sex: 'female', birthDate: '2000-03-01' });
    const unknown = await createPerson(server, { sex: 'female', birthDate: null });
    const girl = await createPerson(server, { sex: 'female', birthDate: '2012-03-01' });
    await expect(createAdmission(server, { institutionId: home.id, personId: boy.id })).rejects.toMatchObject({ constraint: 'admissions_sex_not_served' });
    await expect(createAdmission(server, { institutionId: home.id, personId: adult.id })).rejects.toMatchObject({ constraint: 'admissions_age_not_served' });
    await expect(createAdmission(server, { institutionId: home.id, personId: unknown.id })).rejects.toMatchObject({ constraint: 'admissions_birth_date_needed' });
    const admitted = await createAdmission(server, { institutionId: home.id, personId: girl.id, admissionDate: '2026-09-15' });
    const [row] = await server.owner<{ school_year: string }>('SELECT school_year FROM beneficiaries.admissions WHERE id = $1', [admitted.id]);
    expect(row!.school_year).toBe('2026-2027');
    await expect(createAdmission(server, { institutionId: home.id, personId: (await createPerson(server, { birthDate: '2012-01-01' })).id, schoolYear: '2026-2028' }))
      .rejects.toMatchObject({ constraint: 'admissions_school_year_form' });
  });

  it('takes only the elderly in an elderly home, and anyone in a disability centre', async () => {
    const home = await createInstitution(server, { province: '09.001', legalCategory: 'elderly', centreType: 'elderly_home' });
    const centre = await createInstitution(server, { province: '09.001', legalCategory: 'disability', centreType: 'disability_centre' });
    const forty = await createPerson(server, { birthDate: '1986-01-01' });
    const seventy = await createPerson(server, { birthDate: '1950-01-01' });
    await expect(createAdmission(server, { institutionId: home.id, personId: forty.id })).rejects.toMatchObject({ constraint: 'admissions_age_not_served' });
    await createAdmission(server, { institutionId: home.id, personId: seventy.id });
    await createAdmission(server, { institutionId: centre.id, personId: forty.id });
  });

  it('refuses an admission dated in the future', async () => {
    const home = await darTaliba();
    const girl = await createPerson(server, { birthDate: '2012-01-01' });
    await expect(createAdmission(server, { institutionId: home.id, personId: girl.id, admissionDate: '2999-09-01' })).rejects.toMatchObject({ constraint: 'admissions_date_not_future' });
  });
});

describe('capacity by sex', () => {
  it('refuses the admission beyond the licensed places unless it is justified, and frees a place on exit', async () => {
    const home = await darTaliba(1);
    const first = await createAdmission(server, { institutionId: home.id, personId: (await createPerson(server)).id });
    const second = await createPerson(server);
    await expect(createAdmission(server, { institutionId: home.id, personId: second.id })).rejects.toMatchObject({ constraint: 'admissions_over_capacity' });
    await server.owner(`INSERT INTO beneficiaries.admissions (institution_id, person_id, admission_date, over_capacity_justification)
      VALUES ($1, $2, '2026-09-20', 'Décision du comité provincial : sœur de la première')`, [home.id, second.id]);
    await server.owner(`UPDATE beneficiaries.admissions SET exit_date = '2026-10-01', exit_reason = 'family_reintegration' WHERE id = $1`, [first.id]);
    const user = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    const [counts] = await sql.query<{ occupied_female: number; capacity_female: number }>(user.id,
      'SELECT occupied_female, capacity_female FROM beneficiaries.institution_occupancy($1)', [[home.id]]);
    expect(counts).toEqual({ occupied_female: 1, capacity_female: 1 });
  });
});

describe('the pathway follows the register', () => {
  it('completes the accepted referral, admits the case into the institution, and exits it', async () => {
    const home = await darTaliba();
    const person = await createPerson(server, { delegation: '09.273' });
    const kase = await createCase(server, { personId: person.id, stage: 'orientation' });
    const proposed = await createReferral(server, { caseId: kase.id, institutionId: home.id, service: 'accommodation' });
    const director = await createUser(server, { role: 'institution_director', scope: { institution: home.id } });
    const admit = (referralId: string) => sql.query<{ id: string; case_id: string }>(director.id,
      `INSERT INTO beneficiaries.admissions (institution_id, person_id, referral_id, admission_date) VALUES ($1, $2, $3, '2026-09-15') RETURNING id, case_id`,
      [home.id, person.id, referralId]);
    await expect(admit(proposed.id)).rejects.toMatchObject({ constraint: 'admissions_referral_not_accepted' });
    const accepted = await createReferral(server, { caseId: kase.id, institutionId: home.id, service: 'accommodation', state: 'accepted' });
    const [row] = await server.owner<{ id: string }>(
      `INSERT INTO beneficiaries.admissions (institution_id, person_id, referral_id, admission_date) VALUES ($1, $2, $3, '2026-09-15') RETURNING id`,
      [home.id, person.id, accepted.id]);
    const [state] = await server.owner<{ state: string; stage: string; institution_id: string; case_id: string }>(
      `SELECT r.state, c.stage, c.institution_id, a.case_id FROM beneficiaries.referrals r JOIN beneficiaries.cases c ON c.id = r.case_id
       JOIN beneficiaries.admissions a ON a.id = $2 WHERE r.id = $1`, [accepted.id, row!.id]);
    expect(state).toEqual({ state: 'completed', stage: 'admitted', institution_id: home.id, case_id: kase.id });
    expect(await sql.query(director.id, 'SELECT id FROM beneficiaries.cases WHERE id = $1', [kase.id])).toHaveLength(1);
    await server.owner(`UPDATE beneficiaries.admissions SET exit_date = '2026-10-20', exit_reason = 'programme_completed' WHERE id = $1`, [row!.id]);
    expect((await server.owner<{ stage: string }>('SELECT stage FROM beneficiaries.cases WHERE id = $1', [kase.id]))[0]!.stage).toBe('exited');
  });

  it('lets the receiving director admit from an accepted referral under row-level security', async () => {
    const home = await darTaliba();
    const person = await createPerson(server, { delegation: '09.001' });
    const kase = await createCase(server, { personId: person.id, stage: 'orientation' });
    const referral = await createReferral(server, { caseId: kase.id, institutionId: home.id, state: 'accepted' });
    const director = await createUser(server, { role: 'institution_director', scope: { institution: home.id } });
    const [row] = await sql.query<{ case_id: string; registration_number: string }>(director.id,
      `INSERT INTO beneficiaries.admissions (institution_id, person_id, referral_id, admission_date) VALUES ($1, $2, $3, '2026-09-15')
       RETURNING case_id, registration_number`, [home.id, person.id, referral.id]);
    expect(row).toMatchObject({ case_id: kase.id, registration_number: expect.stringMatching(/^2026\/\d{4}$/) });
  });
});

describe('transfers', () => {
  async function admitted(spec: { birthDate: string; sex?: 'male' | 'female' }) {
    const from = await createInstitution(server, { province: '09.001', legalCategory: 'disability', centreType: 'disability_centre' });
    const to = await createInstitution(server, { province: '09.273', legalCategory: 'disability', centreType: 'disability_centre' });
    const person = await createPerson(server, { birthDate: spec.birthDate, sex: spec.sex ?? 'female' });
    const admission = await createAdmission(server, { institutionId: from.id, personId: person.id, admissionDate: '2026-01-10' });
    return { from, to, person, admission };
  }
  const transfer = (admissionId: string, toId: string, consent: boolean) => server.owner<{ id: string; to_admission_id: string; consent_required: boolean }>(
    `INSERT INTO beneficiaries.transfers (from_admission_id, to_institution_id, transfer_date, reason, consent_by, consent_name, consent_date)
     VALUES ($1, $2, '2026-10-01', 'Rapprochement familial', $3, $4, $5) RETURNING id, to_admission_id, consent_required`,
    [admissionId, toId, consent ? 'legal_representative' : null, consent ? 'Ahmed Idrissi' : null, consent ? '2026-09-20' : null]);

  it('refuses to move a minor without consent and writes nothing; with consent, exits the old admission and opens the new one', async () => {
    const { to, person, admission } = await admitted({ birthDate: '2014-05-01' });
    await expect(transfer(admission.id, to.id, false)).rejects.toMatchObject({ constraint: 'transfers_consent_required' });
    expect(await server.owner('SELECT 1 FROM beneficiaries.admissions WHERE person_id = $1 AND exit_date IS NOT NULL', [person.id])).toHaveLength(0);
    const [moved] = await transfer(admission.id, to.id, true);
    expect(moved!.consent_required).toBe(true);
    const rows = await server.owner<{ id: string; institution_id: string; exit_reason: string | null; transferred_from: string | null }>(
      'SELECT id, institution_id, exit_reason, transferred_from FROM beneficiaries.admissions WHERE person_id = $1 ORDER BY admission_date', [person.id]);
    expect(rows).toEqual([
      { id: admission.id, institution_id: expect.any(String), exit_reason: 'transfer', transferred_from: null },
      { id: moved!.to_admission_id, institution_id: to.id, exit_reason: null, transferred_from: admission.id },
    ]);
  });

  it('refuses to move an adult with an intellectual disability without consent, and moves another adult freely', async () => {
    const disabled = await admitted({ birthDate: '1990-05-01' });
    await server.owner(`INSERT INTO beneficiaries.disabilities (person_id, kind, degree) VALUES ($1, 'intellectual', 'moderate')`, [disabled.person.id]);
    await expect(transfer(disabled.admission.id, disabled.to.id, false)).rejects.toMatchObject({ constraint: 'transfers_consent_required' });
    const adult = await admitted({ birthDate: '1990-05-01' });
    const [moved] = await transfer(adult.admission.id, adult.to.id, false);
    expect(moved!.consent_required).toBe(false);
  });

  it('is written by the sending scope only', async () => {
    const { from, to, admission } = await admitted({ birthDate: '1990-05-01' });
    const sending = await createUser(server, { role: 'institution_director', scope: { institution: from.id } });
    const receiving = await createUser(server, { role: 'institution_director', scope: { institution: to.id } });
    const insert = `INSERT INTO beneficiaries.transfers (from_admission_id, to_institution_id, transfer_date, reason) VALUES ($1, $2, '2026-10-01', 'Soins') RETURNING id`;
    await expect(sql.query(receiving.id, insert, [admission.id, to.id])).rejects.toThrow(/row-level security/);
    const [row] = await sql.query<{ id: string }>(sending.id, insert, [admission.id, to.id]);
    expect(row!.id).toBeTruthy();
  });
});
