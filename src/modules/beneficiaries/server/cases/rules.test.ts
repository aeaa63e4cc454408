/**
 * The pathway's database rules, as the application role under a user's context (0090): the child
 * rows of a case follow its visibility, the definer functions give only what they promise, and the
 * rules hold for direct SQL whatever the API does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createAdmission, createCase, createPerson } from '../../testing/factories.ts';

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

describe('child rows of a case', () => {
  it('are seen and written only by who sees the case', async () => {
    const kase = await createCase(server, { personId: (await createPerson(server, { delegation: '09.001' })).id });
    await server.owner(`INSERT INTO beneficiaries.case_notes (case_id, body) VALUES ($1, 'note')`, [kase.id]);
    const agadir = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const inezgane = await createUser(server, { role: 'social_worker', scope: '09.273' });
    expect(await sql.query(agadir.id, 'SELECT id FROM beneficiaries.case_notes WHERE case_id = $1', [kase.id])).toHaveLength(1);
    expect(await sql.query(inezgane.id, 'SELECT id FROM beneficiaries.case_notes WHERE case_id = $1', [kase.id])).toHaveLength(0);
    await expect(sql.query(inezgane.id, `INSERT INTO beneficiaries.case_notes (case_id, body) VALUES ($1, 'x')`, [kase.id])).rejects.toThrow(/row-level security/);
  });

  it('follow-ups are seen by the case scope and by the institution of the admission, not a sibling delegation', async () => {
    const institution = await createInstitution(server, { province: '09.001' });
    const person = await createPerson(server, { delegation: '09.001' });
    const admission = await createAdmission(server, { institutionId: institution.id, personId: person.id, admissionDate: '2025-09-01', exitDate: '2026-06-30', exitReason: 'programme_completed' });
    const director = await createUser(server, { role: 'institution_director', scope: { institution: institution.id } });
    const inezgane = await createUser(server, { role: 'social_worker', scope: '09.273' });
    const see = (userId: string) => sql.query(userId, 'SELECT months FROM beneficiaries.follow_ups WHERE admission_id = $1 ORDER BY months', [admission.id]);
    expect((await see(director.id)).map((r) => r.months)).toEqual([3, 6, 12]);
    expect(await see(inezgane.id)).toHaveLength(0);
    // Scheduled by the database only: the application cannot invent one.
    await expect(sql.query(director.id, `INSERT INTO beneficiaries.follow_ups (admission_id, person_id, months, exit_date, due_on) VALUES ($1, $2, 3, '2026-06-30', '2026-09-30')`, [admission.id, person.id]))
      .rejects.toThrow(/permission denied/);
  });
});

describe('definer functions', () => {
  it('institution_names gives the names of any institution to a signed-in user, nothing else and nothing to nobody', async () => {
    const institution = await createInstitution(server, { province: '09.001', nameFr: 'Dar Taliba Test Noms' });
    const inezgane = await createUser(server, { role: 'social_worker', scope: '09.273' });
    expect(await sql.query(inezgane.id, 'SELECT id FROM registry.institutions WHERE id = $1', [institution.id])).toHaveLength(0);
    const rows = await sql.query<{ name_fr: string }>(inezgane.id, 'SELECT * FROM beneficiaries.institution_names($1)', [institution.id]);
    expect(rows).toEqual([{ name_ar: expect.any(String), name_fr: 'Dar Taliba Test Noms' }]);
    const client = await import('pg').then((pg) => new pg.default.Client({ connectionString: server.appUrl }));
    await client.connect();
    try {
      expect((await client.query('SELECT * FROM beneficiaries.institution_names($1)', [institution.id])).rows).toHaveLength(0);
      await expect(client.query(`SELECT beneficiaries.advance_case(gen_random_uuid(), 'closed')`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('a referral to a service the institution does not offer is refused even by the owner', async () => {
    const institution = await createInstitution(server, { province: '09.001' });
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    await expect(server.owner(`INSERT INTO beneficiaries.referrals (case_id, person_id, institution_id, service) VALUES ($1, (SELECT person_id FROM beneficiaries.cases WHERE id = $1), $2, 'feeding')`, [kase.id, institution.id]))
      .rejects.toMatchObject({ constraint: 'referrals_service_offered' });
  });

  it('a closed case says why and stays closed', async () => {
    const kase = await createCase(server, { personId: (await createPerson(server)).id });
    await expect(server.owner(`UPDATE beneficiaries.cases SET stage = 'closed' WHERE id = $1`, [kase.id])).rejects.toMatchObject({ constraint: 'cases_close_complete' });
    await server.owner(`UPDATE beneficiaries.cases SET stage = 'closed', closed_on = opened_on, close_reason = 'fin' WHERE id = $1`, [kase.id]);
    await expect(server.owner(`UPDATE beneficiaries.cases SET stage = 'diagnosis' WHERE id = $1`, [kase.id])).rejects.toMatchObject({ constraint: 'cases_closed_final' });
  });
});
