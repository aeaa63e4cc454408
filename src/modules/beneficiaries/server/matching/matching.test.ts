/**
 * The matching part through the API against the real database: national candidates across scripts
 * (in scope with the person, out of scope with the holder only), the definer function's narrow
 * answer, access and transfer requests decided by the holder, and merges reviewed by a second
 * merge holder, moving the records and putting them back on revert. Cross-scope calls answer 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { createCase, createPerson } from '../../testing/factories.ts';
import { rolePermissions, roles } from '../../../access/permissions.ts';

let server: TestServer;
let sql: SqlAs;
let agadir: Session & { id: string };
let agadir2: Session & { id: string };
let inezgane: Session & { id: string };
let inezganeDelegate: Session & { id: string };
beforeAll(async () => {
  server = await startTestServer();
  sql = await sqlAs(server);
  agadir = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  agadir2 = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
  inezgane = await signedIn(server, { role: 'social_worker', scope: '09.273', language: 'fr' });
  inezganeDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
});
afterAll(async () => {
  await sql.end();
  await server.close();
});

let day = 0;
/** A birth date no other test of this file uses, so candidates are the ones made here. */
const uniqueBirth = () => {
  day += 1;
  return `19${40 + Math.floor(day / 300)}-${String(1 + Math.floor((day % 300) / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
};

type Candidate = { personId: string; score: number; reasons: string[]; inScope: boolean; person: Record<string, unknown> | null; holder: { delegationId: string; nameFr: string } };
const match = async (s: Session, body: Record<string, unknown>) => {
  const response = await s.post('/api/persons/match', body);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { threshold: number; candidates: Candidate[] }).candidates;
};

describe('POST /api/persons/match', () => {
  it('finds the Arabic record from a Latin spelling, with the person inside the scope', async () => {
    const birthDate = uniqueBirth();
    const person = await createPerson(server, { firstNameAr: 'محمد', lastNameAr: 'بن علي', firstNameLat: null, lastNameLat: null, sex: 'male', birthDate });
    const found = await match(agadir, { firstNameLat: 'Mohamed', lastNameLat: 'Benali', sex: 'male', birthDate });
    const hit = found.find((c) => c.personId === person.id);
    expect(hit).toMatchObject({ inScope: true, person: { id: person.id, firstNameAr: 'محمد', lastNameAr: 'بن علي', birthDate } });
    expect(hit!.reasons).toEqual(expect.arrayContaining(['name_cross_script', 'birth_date']));
    expect(hit!.score).toBeGreaterThanOrEqual(0.75);
  });

  it('shows a person held by another delegation as an id, a score and the holder only', async () => {
    const birthDate = uniqueBirth();
    const person = await createPerson(server, { delegation: '09.001', firstNameAr: 'خديجة', lastNameAr: 'الإدريسي', firstNameLat: 'Khadija', lastNameLat: 'El Idrissi', birthDate });
    const found = await match(inezgane, { firstNameAr: 'خديجه', lastNameAr: 'الادريسي', birthDate, sex: 'female' });
    const hit = found.find((c) => c.personId === person.id)!;
    expect(hit).toMatchObject({ inScope: false, person: null, holder: { delegationId: person.delegationId } });
    expect(JSON.stringify(hit)).not.toMatch(/Khadija|خديجة|Idrissi/);
  });

  it('finds the same CNIE whatever the names, and ignores namesakes born years apart', async () => {
    const birthDate = uniqueBirth();
    const cnie = `JB${String(Math.floor(Math.random() * 900000) + 100000)}`;
    const byCnie = await createPerson(server, { cnie, firstNameLat: 'Zineb', lastNameLat: 'Tazi', firstNameAr: null, lastNameAr: null, birthDate });
    const namesake = await createPerson(server, { firstNameLat: 'Youssef', lastNameLat: 'Amrani', firstNameAr: null, lastNameAr: null, sex: 'male', birthDate });
    const sameCnie = await match(agadir, { firstNameLat: 'Fatima', lastNameLat: 'Ouali', cnie: cnie.toLowerCase() });
    expect(sameCnie.find((c) => c.personId === byCnie.id)).toMatchObject({ score: 1, reasons: expect.arrayContaining(['cnie']) });
    const later = `${Number(birthDate.slice(0, 4)) + 15}${birthDate.slice(4)}`;
    expect((await match(agadir, { firstNameLat: 'Youssef', lastNameLat: 'Amrani', sex: 'male', birthDate: later })).map((c) => c.personId)).not.toContain(namesake.id);
    // The record itself is not its own duplicate.
    expect((await match(agadir, { firstNameLat: 'Youssef', lastNameLat: 'Amrani', sex: 'male', birthDate, excludePersonId: namesake.id })).map((c) => c.personId)).not.toContain(namesake.id);
  });

  it('finds the same phone written in the national form', async () => {
    const person = await createPerson(server, { firstNameLat: 'Nezha', lastNameLat: 'Ouardi', firstNameAr: null, lastNameAr: null, birthDate: uniqueBirth(), phone: '+212661778899' });
    const found = await match(agadir, { firstNameLat: 'Nazha', lastNameLat: 'El Ouardi', phone: '0661 77 88 99' });
    expect(found.find((c) => c.personId === person.id)?.reasons).toContain('phone');
  });

  it('weighs the parents: the same father lifts a match without a birth date', async () => {
    const person = await createPerson(server, { firstNameAr: 'سكينة', lastNameAr: 'بوطيب', firstNameLat: null, lastNameLat: null, birthDate: null });
    await server.owner(`INSERT INTO beneficiaries.relatives (person_id, relation, full_name_ar) VALUES ($1, 'father', 'عبد الله بوطيب')`, [person.id]);
    const found = await match(agadir, { firstNameLat: 'Soukaina', lastNameLat: 'Boutayeb', fatherName: 'Abdellah Boutaib', sex: 'female' });
    expect(found.find((c) => c.personId === person.id)?.reasons).toContain('parents');
  });

  it('refuses bad input with field errors and roles without personal data', async () => {
    const bad = await agadir.post('/api/persons/match', { firstNameLat: 'x'.repeat(81), birthDate: '2020-13-01' });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['firstNameLat', 'birthDate']));
    const analyst = await signedIn(server, { role: 'central_analyst', scope: 'nation' });
    expect((await analyst.post('/api/persons/match', { firstNameLat: 'Mohamed' })).statusCode).toBe(403);
  });
});

describe('beneficiaries.match_candidates (definer)', () => {
  it('answers ids, scores, reasons and the holder only, and nothing without a signed-in user', async () => {
    const birthDate = uniqueBirth();
    const person = await createPerson(server, { delegation: '09.001', firstNameLat: 'Hicham', lastNameLat: 'Skalli', firstNameAr: null, lastNameAr: null, sex: 'male', birthDate });
    const user = await createUser(server, { role: 'social_worker', scope: '09.273' });
    const call = `SELECT * FROM beneficiaries.match_candidates('{hcm}', '{skl}', '{lat}', '{hcm skl}', '{hcm}', '{skl}', 'male', $1::date, true,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0.75, 20)`;
    const rows = await sql.query(user.id, call, [birthDate]);
    expect(rows.map((r) => r.person_id)).toContain(person.id);
    expect(Object.keys(rows[0]!).sort()).toEqual(['delegation_id', 'delegation_name_ar', 'delegation_name_fr', 'person_id', 'reasons', 'score']);
    // The sibling delegation cannot read the person itself.
    expect(await sql.query(user.id, 'SELECT id FROM beneficiaries.persons WHERE id = $1', [person.id])).toHaveLength(0);
    const [anonymous] = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM (${call}) x`, [birthDate]);
    expect(anonymous!.n).toBe('0');
  });
});

describe('access and transfer requests', () => {
  it('lets the holder grant access: the asking delegation then sees the person', async () => {
    const person = await createPerson(server, { delegation: '09.001', birthDate: uniqueBirth() });
    const asked = await inezgane.post(`/api/persons/${person.id}/access-requests`, { kind: 'access', reason: 'Même famille suivie à Inezgane' });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json() as { id: string; status: string; person: unknown; incoming: boolean; holder: { delegationId: string } };
    expect(request).toMatchObject({ status: 'pending', person: null, incoming: false, holder: { delegationId: person.delegationId } });

    const outgoing = (await inezgane.get('/api/access-requests?direction=outgoing')).json() as { items: { id: string }[] };
    expect(outgoing.items.map((i) => i.id)).toContain(request.id);
    const incoming = (await agadir.get('/api/access-requests?direction=incoming&status=pending')).json() as { items: { id: string; person: { id: string } | null }[] };
    expect(incoming.items.find((i) => i.id === request.id)?.person?.id).toBe(person.id);

    // Only the holder decides: the asker's own scope gets 404.
    expect((await inezganeDelegate.post(`/api/access-requests/${request.id}/grant`, {})).statusCode).toBe(404);
    const granted = await agadir.post(`/api/access-requests/${request.id}/grant`, { note: 'Accord' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decisionNote: 'Accord' });
    expect(await sql.query(inezgane.id, 'SELECT id FROM beneficiaries.persons WHERE id = $1', [person.id])).toHaveLength(1);
    expect((await agadir.post(`/api/access-requests/${request.id}/refuse`, {})).statusCode).toBe(409);
  });

  it('moves the record on a granted transfer; a refusal changes nothing', async () => {
    const person = await createPerson(server, { delegation: '09.001', birthDate: uniqueBirth() });
    const refused = (await inezgane.post(`/api/persons/${person.id}/access-requests`, { kind: 'transfer', reason: 'La famille a déménagé' })).json() as { id: string };
    expect((await agadir.post(`/api/access-requests/${refused.id}/refuse`, { note: 'Suivi en cours' })).json()).toMatchObject({ status: 'refused' });
    const transfer = (await inezgane.post(`/api/persons/${person.id}/access-requests`, { kind: 'transfer', reason: 'La famille a déménagé' })).json() as { id: string };
    expect((await inezgane.post(`/api/persons/${person.id}/access-requests`, { kind: 'transfer', reason: 'Encore' })).statusCode).toBe(409);
    expect((await agadir.post(`/api/access-requests/${transfer.id}/grant`, {})).statusCode).toBe(200);
    const [row] = await server.owner<{ code: string }>(
      'SELECT d.code FROM beneficiaries.persons p JOIN organisation.delegations d ON d.id = p.delegation_id WHERE p.id = $1', [person.id]);
    expect(row!.code).toBe('09.273');
    expect(await sql.query(agadir.id, 'SELECT id FROM beneficiaries.persons WHERE id = $1', [person.id])).toHaveLength(0);
  });

  it('refuses a request for a person the delegation already holds, without a reason, or from a region', async () => {
    const person = await createPerson(server, { delegation: '09.001' });
    const own = await agadir.post(`/api/persons/${person.id}/access-requests`, { kind: 'access', reason: 'Pour voir' });
    expect(own.statusCode).toBe(400);
    expect((own.json() as { errors: { message: string }[] }).errors[0]!.message).toMatch(/détient déjà/);
    expect((await inezgane.post(`/api/persons/${person.id}/access-requests`, { kind: 'access', reason: '' })).statusCode).toBe(400);
    const region = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    expect((await region.post(`/api/persons/${person.id}/access-requests`, { kind: 'access', reason: 'Pour voir' })).statusCode).toBe(403);
    const [count] = await server.owner<{ n: string }>('SELECT count(*) AS n FROM beneficiaries.access_requests WHERE person_id = $1', [person.id]);
    expect(count!.n).toBe('0');
  });
});

describe('merges', () => {
  it('are approved by another merge holder, move the records and come back on revert', async () => {
    const kept = await createPerson(server, { delegation: '09.001' });
    const merged = await createPerson(server, { delegation: '09.001' });
    const theCase = await createCase(server, { personId: merged.id });
    await server.owner(`INSERT INTO beneficiaries.relatives (person_id, relation, full_name_lat) VALUES ($1, 'mother', 'Aicha Tazi')`, [merged.id]);

    const proposed = await agadir.post('/api/persons/merges', { keptId: kept.id, mergedId: merged.id, reason: 'Même CNIE sur la copie' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const merge = proposed.json() as { id: string; status: string; mine: boolean };
    expect(merge).toMatchObject({ status: 'proposed', mine: true });
    expect((await agadir.post('/api/persons/merges', { keptId: kept.id, mergedId: merged.id, reason: 'Encore' })).statusCode).toBe(409);

    const own = await agadir.post(`/api/persons/merges/${merge.id}/approve`, {});
    expect(own.statusCode).toBe(409);
    expect((own.json() as { errors: { message: string }[] }).errors[0]!.message).toMatch(/autre personne/);
    expect((await inezganeDelegate.post(`/api/persons/merges/${merge.id}/approve`, {})).statusCode).toBe(404);

    const approved = await agadir2.post(`/api/persons/merges/${merge.id}/approve`, { note: 'Vérifié' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', moved: { cases: 1, relatives: 1 }, mine: false });
    const [after] = await server.owner<{ merged_into: string; case_person: string }>(
      'SELECT p.merged_into, (SELECT person_id FROM beneficiaries.cases WHERE id = $2) AS case_person FROM beneficiaries.persons p WHERE p.id = $1', [merged.id, theCase.id]);
    expect(after).toEqual({ merged_into: kept.id, case_person: kept.id });

    const list = (await agadir.get('/api/persons/merges?status=approved')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(merge.id);
    expect(((await inezganeDelegate.get('/api/persons/merges')).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(merge.id);

    const reverted = await agadir.post(`/api/persons/merges/${merge.id}/revert`, { note: 'Deux sœurs' });
    expect(reverted.json()).toMatchObject({ status: 'reverted' });
    const [back] = await server.owner<{ merged_into: string | null; case_person: string; relatives: string }>(
      `SELECT p.merged_into, (SELECT person_id FROM beneficiaries.cases WHERE id = $2) AS case_person,
        (SELECT count(*) FROM beneficiaries.relatives WHERE person_id = $1) AS relatives FROM beneficiaries.persons p WHERE p.id = $1`, [merged.id, theCase.id]);
    expect(back).toEqual({ merged_into: null, case_person: merged.id, relatives: '1' });
    const [audited] = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM audit.log WHERE table_name LIKE '%merges' AND record_id = $1`, [merge.id]);
    expect(Number(audited!.n)).toBeGreaterThanOrEqual(3);
  });

  it('combine the records: the kept one\'s empty fields filled, consents and health rows moved, all put back by a revert except a later correction', async () => {
    const n = String(Math.floor(Math.random() * 900000 + 100000));
    const kept = await createPerson(server, { delegation: '09.001', firstNameAr: null, lastNameAr: null, birthDate: '2011-01-01' });
    await server.owner(`UPDATE beneficiaries.persons SET birth_date_precision = 'year', address = 'Hay Salam' WHERE id = $1`, [kept.id]);
    const merged = await createPerson(server, { delegation: '09.001', firstNameAr: 'سلمى', lastNameAr: 'التازي', birthDate: '2011-06-30', cnie: `JT${n}`, phone: `+2126${n}00` });
    await server.owner(`UPDATE beneficiaries.persons SET address = 'Derb Omar' WHERE id = $1`, [merged.id]);
    await server.owner(`INSERT INTO beneficiaries.consents (person_id, basis, purpose, given_on) VALUES ($1, 'legal_obligation', 'legal_register', '2025-09-01')`, [merged.id]);
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status) VALUES ($1, 'under_treatment')`, [merged.id]);
    const person = async (id: string) => (await server.owner<Record<string, string | null>>(
      `SELECT first_name_ar, last_name_ar, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, birth_date_precision, cnie, phone, address, merged_into
       FROM beneficiaries.persons WHERE id = $1`, [id]))[0]!;

    const merge = (await agadir.post('/api/persons/merges', { keptId: kept.id, mergedId: merged.id, reason: 'Même élève, deux fiches' })).json() as { id: string };
    const approved = await agadir2.post(`/api/persons/merges/${merge.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const body = approved.json() as { moved: Record<string, number>; filled: string[] };
    expect(body.moved).toMatchObject({ consents: 1 });
    // A delegate holds the merge, not health data: the moved health row is not even counted for them.
    expect(body.moved).not.toHaveProperty('health_records');
    expect(body.filled.sort()).toEqual(['birthDate', 'cnie', 'firstNameAr', 'lastNameAr', 'phone']);
    expect(await person(kept.id)).toMatchObject({ first_name_ar: 'سلمى', last_name_ar: 'التازي', birth_date: '2011-06-30', birth_date_precision: 'exact',
      cnie: `JT${n}`, phone: `+2126${n}00`, address: 'Hay Salam' });
    const [moved] = await server.owner<{ consents: string; health: string }>(
      `SELECT (SELECT count(*) FROM beneficiaries.consents WHERE person_id = $1) AS consents, (SELECT count(*) FROM beneficiaries.health_records WHERE person_id = $1) AS health`, [kept.id]);
    expect(moved).toEqual({ consents: '1', health: '1' });
    const [audited] = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM audit.log WHERE table_name LIKE '%persons' AND record_id = $1`, [kept.id]);
    expect(Number(audited!.n)).toBeGreaterThanOrEqual(2);

    // The phone is corrected after the merge: the revert leaves the correction.
    expect((await agadir.patch(`/api/persons/${kept.id}`, { phone: '0699887766' })).statusCode).toBe(200);
    expect((await agadir.post(`/api/persons/merges/${merge.id}/revert`, {})).json()).toMatchObject({ status: 'reverted' });
    expect(await person(kept.id)).toMatchObject({ first_name_ar: null, last_name_ar: null, birth_date: '2011-01-01', birth_date_precision: 'year',
      cnie: null, phone: '+212699887766', address: 'Hay Salam' });
    expect(await person(merged.id)).toMatchObject({ cnie: `JT${n}`, merged_into: null });
    const [back] = await server.owner<{ consents: string; health: string }>(
      `SELECT (SELECT count(*) FROM beneficiaries.consents WHERE person_id = $1) AS consents, (SELECT count(*) FROM beneficiaries.health_records WHERE person_id = $1) AS health`, [merged.id]);
    expect(back).toEqual({ consents: '1', health: '1' });
  });

  it('are reviewed in the database by the same roles that hold beneficiaries.merge in the API', async () => {
    for (const role of roles) {
      const user = await createUser(server, { role, scope: 'nation' });
      const [row] = await sql.query(user.id, 'SELECT beneficiaries.may_merge() AS may');
      expect({ role, may: row!.may }).toEqual({ role, may: rolePermissions[role].includes('beneficiaries.merge') });
    }
  });

  it('cannot be proposed for a person outside the scope, and a social worker may not merge', async () => {
    const kept = await createPerson(server, { delegation: '09.001' });
    const other = await createPerson(server, { delegation: '09.273' });
    expect((await agadir.post('/api/persons/merges', { keptId: kept.id, mergedId: other.id, reason: 'Doublon' })).statusCode).toBe(404);
    expect((await inezgane.post('/api/persons/merges', { keptId: other.id, mergedId: kept.id, reason: 'Doublon' })).statusCode).toBe(403);
  });
});
