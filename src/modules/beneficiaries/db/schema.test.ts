/**
 * The foundation of the beneficiaries module in the database (0080): numbers and scope keys filled
 * by triggers, who sees a person, and sensitive data kept to the roles that need it. Checked as the
 * application role with direct SQL, so the rules hold whatever the API does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, type TestServer } from '../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../server/testing/sql-as.ts';
import { createInstitution } from '../../registry/testing/factories.ts';
import { createAdmission, createCase, createPerson, createRequest } from '../testing/factories.ts';

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

describe('numbers and keys', () => {
  it('numbers requests and cases per delegation and year, and registrations per institution and year', async () => {
    const person = await createPerson(server);
    const first = await createRequest(server, { personId: person.id });
    const second = await createRequest(server, { personId: person.id });
    expect(first.number).toMatch(/^R-09001-\d{4}-\d{5}$/);
    expect(Number(second.number.slice(-5))).toBe(Number(first.number.slice(-5)) + 1);
    expect((await createCase(server, { personId: person.id })).number).toMatch(/^C-09001-\d{4}-\d{5}$/);
    const institution = await createInstitution(server, { province: '09.001' });
    const a = await createAdmission(server, { institutionId: institution.id, personId: person.id, admissionDate: '2026-09-10', exitDate: '2026-09-20', exitReason: 'other' });
    const b = await createAdmission(server, { institutionId: institution.id, personId: person.id, admissionDate: '2026-10-01' });
    expect([a.registrationNumber, b.registrationNumber]).toEqual(['2026/0001', '2026/0002']);
  });

  it('refuses a birth date in the future, an exit before the admission and a second open admission', async () => {
    await expect(createPerson(server, { birthDate: '2999-01-01' })).rejects.toMatchObject({ constraint: 'persons_birth_not_future' });
    const person = await createPerson(server);
    const institution = await createInstitution(server, { province: '09.001' });
    await expect(createAdmission(server, { institutionId: institution.id, personId: person.id, admissionDate: '2026-09-10', exitDate: '2026-09-01', exitReason: 'other' }))
      .rejects.toMatchObject({ constraint: 'admissions_exit_after_admission' });
    await createAdmission(server, { institutionId: institution.id, personId: person.id });
    await expect(createAdmission(server, { institutionId: institution.id, personId: person.id })).rejects.toMatchObject({ constraint: 'admissions_one_open_per_person' });
  });
});

describe('who sees a person', () => {
  it('is the holding delegation, and an institution once the person is admitted there, not a sibling delegation', async () => {
    const person = await createPerson(server, { delegation: '09.001' });
    const institution = await createInstitution(server, { province: '09.273' });
    const agadir = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const inezgane = await createUser(server, { role: 'social_worker', scope: '09.273' });
    const director = await createUser(server, { role: 'institution_director', scope: { institution: institution.id } });
    const see = (userId: string) => sql.query(userId, 'SELECT id FROM beneficiaries.persons WHERE id = $1', [person.id]);
    expect(await see(agadir.id)).toHaveLength(1);
    expect(await see(inezgane.id)).toHaveLength(0);
    expect(await see(director.id)).toHaveLength(0);
    await createAdmission(server, { institutionId: institution.id, personId: person.id });
    expect(await see(director.id)).toHaveLength(1);
    expect(await see(inezgane.id)).toHaveLength(1);
  });

  it('lets a delegation register a person only under its own scope', async () => {
    const agadir = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const [row] = await sql.query<{ delegation_id: string }>(agadir.id,
      `INSERT INTO beneficiaries.persons (first_name_lat, sex) VALUES ('Amina', 'female') RETURNING delegation_id`);
    expect(row!.delegation_id).toBe((await server.owner<{ id: string }>(`SELECT id FROM organisation.delegations WHERE code = '09.001'`))[0]!.id);
    const [inezgane] = await server.owner<{ id: string }>(`SELECT id FROM organisation.delegations WHERE code = '09.273'`);
    await expect(sql.query(agadir.id, `INSERT INTO beneficiaries.persons (first_name_lat, sex, delegation_id) VALUES ('Amina', 'female', $1)`, [inezgane!.id]))
      .rejects.toThrow(/row-level security/);
  });
});

describe('sensitive data', () => {
  it('is visible to the social worker and hidden from other roles of the same scope', async () => {
    const person = await createPerson(server, { delegation: '09.001' });
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status, details) VALUES ($1, 'chronic_illness', 'diabète')`, [person.id]);
    const worker = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const delegate = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    const read = (userId: string) => sql.query(userId, 'SELECT status FROM beneficiaries.health_records WHERE person_id = $1', [person.id]);
    expect(await read(worker.id)).toEqual([{ status: 'chronic_illness' }]);
    expect(await read(delegate.id)).toEqual([]);
    // The delegate sees the person, not the health data.
    expect(await sql.query(delegate.id, 'SELECT id FROM beneficiaries.persons WHERE id = $1', [person.id])).toHaveLength(1);
  });

  it('is audited without its content', async () => {
    const person = await createPerson(server);
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status, details) VALUES ($1, 'under_treatment', 'traitement X')`, [person.id]);
    const [entry] = await server.owner<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit.log WHERE table_name = 'beneficiaries.health_records' AND after->>'person_id' = $1`, [person.id]);
    expect(entry!.after).not.toHaveProperty('details');
    expect(entry!.after).not.toHaveProperty('status');
  });
});
