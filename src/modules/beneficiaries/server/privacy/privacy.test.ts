/**
 * Data protection through the API and, where the database alone must hold the line, as the
 * application role with direct SQL: sensitive data kept to the roles that need it (API 403 AND
 * row policies), every read of it logged, the access log for the privacy roles only, legal bases
 * validated and withdrawn, the export holding what the caller may see and read back, the person's
 * history of rectifications, and files past their retention period listed and reviewed by scope.
 * Each test fails when the protection it names is removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageRuns } from '../../../../platform/reports/testing/pdf-text.ts';
import { closeBrowser } from '../../../../platform/reports/index.ts';
import { createUser, signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import type { AccessLogEntry, Consent, RetentionDueItem } from '../../contract/privacy.ts';
import { createAdmission, createCase, createPerson, createRequest } from '../../testing/factories.ts';

type Signed = Session & { id: string; username: string };
let server: TestServer;
let sql: SqlAs;
let worker: Signed;
let delegate: Signed;
let inezganeWorker: Signed;
let inezganeDelegate: Signed;
let admin: Signed;

beforeAll(async () => {
  server = await startTestServer();
  sql = await sqlAs(server);
  worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  inezganeWorker = await signedIn(server, { role: 'social_worker', scope: '09.273', language: 'fr' });
  inezganeDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273', language: 'fr' });
  admin = await signedIn(server, { role: 'system_admin', scope: 'nation', language: 'ar' });
});
afterAll(async () => {
  await closeBrowser();
  await sql.end();
  await server.close();
});

const logged = (personId: string, action: string) =>
  server.owner<{ user_id: string; action: string }>(`SELECT user_id, action FROM beneficiaries.access_log WHERE person_id = $1 AND action = $2`, [personId, action]);

describe('sensitive data', () => {
  it('is written and read by the social worker, each read logged as sensitive', async () => {
    const person = await createPerson(server);
    const created = await worker.post(`/api/persons/${person.id}/health`, { status: 'chronic_illness', details: 'Diabète de type 1' });
    expect(created.statusCode, created.body).toBe(201);
    const disability = await worker.post(`/api/persons/${person.id}/disabilities`, { kind: 'visual', degree: 'severe' });
    expect(disability.statusCode, disability.body).toBe(201);
    const protection = await worker.post(`/api/persons/${person.id}/protection`, { kind: 'court_placement_order', courtReference: 'TPI Agadir 123/2026' });
    expect(protection.statusCode, protection.body).toBe(201);

    const health = await worker.get(`/api/persons/${person.id}/health`);
    expect(health.statusCode).toBe(200);
    expect(health.json().items).toMatchObject([{ status: 'chronic_illness', details: 'Diabète de type 1' }]);
    expect(await logged(person.id, 'sensitive')).toEqual([{ user_id: worker.id, action: 'sensitive' }]);

    const id = (created.json() as { id: string }).id;
    const patched = await worker.patch(`/api/persons/${person.id}/health/${id}`, { status: 'under_treatment' });
    expect(patched.json()).toMatchObject({ status: 'under_treatment', details: 'Diabète de type 1' });
    expect((await worker.delete(`/api/persons/${person.id}/health/${id}`)).statusCode).toBe(200);
    expect((await worker.get(`/api/persons/${person.id}/health`)).json().items).toEqual([]);
  });

  it('answers 403 to a role without beneficiaries.sensitive, and 404 to a sibling delegation', async () => {
    const person = await createPerson(server);
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status) VALUES ($1, 'good')`, [person.id]);
    const bodies = { health: { status: 'good' }, disabilities: { kind: 'visual' }, protection: { kind: 'neglect' } };
    for (const [kind, body] of Object.entries(bodies)) {
      expect((await delegate.get(`/api/persons/${person.id}/${kind}`)).statusCode).toBe(403);
      expect((await delegate.post(`/api/persons/${person.id}/${kind}`, body)).statusCode).toBe(403);
      expect((await inezganeWorker.get(`/api/persons/${person.id}/${kind}`)).statusCode).toBe(404);
    }
    expect((await inezganeWorker.post(`/api/persons/${person.id}/health`, { status: 'good' })).statusCode).toBe(404);
    expect(await logged(person.id, 'sensitive')).toEqual([]);
  });

  it('stays hidden by the database from a role that sees the person, whatever the API does', async () => {
    const person = await createPerson(server);
    await server.owner(`INSERT INTO beneficiaries.disabilities (person_id, kind) VALUES ($1, 'autism')`, [person.id]);
    await server.owner(`INSERT INTO beneficiaries.protection_records (person_id, kind) VALUES ($1, 'physical_violence')`, [person.id]);
    for (const table of ['disabilities', 'protection_records']) {
      expect(await sql.query(worker.id, `SELECT id FROM beneficiaries.${table} WHERE person_id = $1`, [person.id])).toHaveLength(1);
      expect(await sql.query(delegate.id, `SELECT id FROM beneficiaries.${table} WHERE person_id = $1`, [person.id])).toHaveLength(0);
      expect(await sql.query(inezganeWorker.id, `SELECT id FROM beneficiaries.${table} WHERE person_id = $1`, [person.id])).toHaveLength(0);
    }
    await expect(sql.query(delegate.id, `INSERT INTO beneficiaries.health_records (person_id, status) VALUES ($1, 'good')`, [person.id]))
      .rejects.toThrow(/row-level security/);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const person = await createPerson(server);
    const bad = await worker.post(`/api/persons/${person.id}/disabilities`, { kind: 'telepathic' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'kind' })]);
    expect(await server.owner(`SELECT id FROM beneficiaries.disabilities WHERE person_id = $1`, [person.id])).toEqual([]);
  });
});

describe('the access log', () => {
  it('shows the privacy roles who read the person and how, newest first, with names', async () => {
    const person = await createPerson(server);
    await worker.get(`/api/persons/${person.id}/protection`);
    await worker.get(`/api/persons/${person.id}/export.json`);
    const response = await delegate.get(`/api/persons/${person.id}/access-log`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as AccessLogEntry[];
    expect(items.map((i) => i.action)).toEqual(['export', 'sensitive']);
    expect(items[0]!.user).toMatchObject({ id: worker.id, username: worker.username });
    const onlySensitive = (await delegate.get(`/api/persons/${person.id}/access-log?action=sensitive&limit=1`)).json();
    expect(onlySensitive.items).toHaveLength(1);
    expect((await admin.get(`/api/persons/${person.id}/access-log`)).json().items).toHaveLength(2);
  });

  it('is closed to roles without beneficiaries.privacy and to other delegations', async () => {
    const person = await createPerson(server);
    expect((await worker.get(`/api/persons/${person.id}/access-log`)).statusCode).toBe(403);
    expect((await inezganeDelegate.get(`/api/persons/${person.id}/access-log`)).statusCode).toBe(404);
  });

  it('cannot be written or rewritten by the application role', async () => {
    const person = await createPerson(server);
    await expect(sql.query(delegate.id, `INSERT INTO beneficiaries.access_log (user_id, person_id, action) VALUES ($1, $2, 'person')`, [delegate.id, person.id]))
      .rejects.toThrow(/permission denied/);
    await expect(sql.query(delegate.id, `DELETE FROM beneficiaries.access_log WHERE person_id = $1`, [person.id])).rejects.toThrow(/permission denied/);
  });
});

describe('legal bases and consents', () => {
  it('records a consent given by the legal representative and its withdrawal, once', async () => {
    const person = await createPerson(server);
    const created = await worker.post(`/api/persons/${person.id}/consents`, {
      basis: 'consent', purpose: 'sensitive_data', givenBy: 'legal_representative', givenByName: 'Ahmed Idrissi', givenOn: '2026-01-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const consent = created.json() as Consent;
    expect(consent).toMatchObject({ active: true, givenBy: 'legal_representative' });
    const legal = await worker.post(`/api/persons/${person.id}/consents`, { basis: 'legal_obligation', purpose: 'legal_register', givenOn: '2026-01-10' });
    expect(legal.statusCode, legal.body).toBe(201);

    const withdrawn = await worker.post(`/api/persons/${person.id}/consents/${consent.id}/withdraw`, { withdrawnOn: '2026-02-01', reason: 'Demande du père' });
    expect(withdrawn.json()).toMatchObject({ active: false, withdrawnOn: '2026-02-01' });
    const again = await worker.post(`/api/persons/${person.id}/consents/${consent.id}/withdraw`, { withdrawnOn: '2026-02-02', reason: 'Encore' });
    expect(again.statusCode).toBe(409);
    // A legal obligation is not withdrawn (art. 9): the database says so.
    const obligation = await worker.post(`/api/persons/${person.id}/consents/${(legal.json() as Consent).id}/withdraw`, { withdrawnOn: '2026-02-01', reason: 'Non' });
    expect(obligation.statusCode).toBe(400);
    expect(obligation.json().errors).toEqual([{ path: 'withdrawnOn', message: 'Seul un consentement peut être retiré ; une obligation légale demeure.' }]);

    const list = (await delegate.get(`/api/persons/${person.id}/consents`)).json().items as Consent[];
    expect(list.map((c) => [c.basis, c.active])).toEqual(expect.arrayContaining([['consent', false], ['legal_obligation', true]]));
    expect((await inezganeWorker.get(`/api/persons/${person.id}/consents`)).statusCode).toBe(404);
    expect((await inezganeWorker.post(`/api/persons/${person.id}/consents`, { basis: 'legal_obligation', purpose: 'social_care', givenOn: '2026-01-10' })).statusCode).toBe(404);
  });

  it('refuses a consent without its giver, an unnamed representative and a date in the future, in the user language', async () => {
    const person = await createPerson(server);
    const noGiver = await worker.post(`/api/persons/${person.id}/consents`, { basis: 'consent', purpose: 'social_care', givenOn: '2026-01-10' });
    expect(noGiver.statusCode).toBe(400);
    expect(noGiver.json().errors).toEqual([{ path: 'givenBy', message: 'Indiquez qui a donné le consentement.' }]);
    const unnamed = await worker.post(`/api/persons/${person.id}/consents`, { basis: 'consent', purpose: 'social_care', givenBy: 'legal_representative', givenOn: '2026-01-10' });
    expect(unnamed.json().errors).toEqual([{ path: 'givenByName', message: 'Indiquez le nom du représentant légal.' }]);
    const future = await worker.post(`/api/persons/${person.id}/consents`, { basis: 'consent', purpose: 'social_care', givenBy: 'self', givenOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'givenOn', message: 'La date ne peut pas être dans le futur.' }]);
    expect(await server.owner(`SELECT id FROM beneficiaries.consents WHERE person_id = $1`, [person.id])).toEqual([]);
    // The database holds the same rule whatever writes.
    await expect(sql.query(worker.id, `INSERT INTO beneficiaries.consents (person_id, basis, purpose, given_on) VALUES ($1, 'consent', 'social_care', '2026-01-01')`, [person.id]))
      .rejects.toMatchObject({ constraint: 'consents_giver_required' });
    await expect(sql.query(worker.id, `DELETE FROM beneficiaries.consents WHERE person_id = $1`, [person.id])).rejects.toThrow(/permission denied/);
  });
});

describe('export on request', () => {
  it('holds everything the caller may see, logs the export, and leaves sensitive data to the roles that need it', async () => {
    const person = await createPerson(server, { firstNameLat: 'Khadija', lastNameLat: 'Ait Baha', firstNameAr: 'خديجة', lastNameAr: 'آيت باها' });
    await server.owner(`INSERT INTO beneficiaries.relatives (person_id, relation, full_name_lat, is_legal_representative) VALUES ($1, 'father', 'Brahim Ait Baha', true)`, [person.id]);
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status, details) VALUES ($1, 'chronic_illness', 'Asthme')`, [person.id]);
    const kase = await createCase(server, { personId: person.id });
    await worker.post(`/api/persons/${person.id}/consents`, { basis: 'public_interest', purpose: 'social_care', givenOn: '2026-01-10' });

    const asWorker = await worker.get(`/api/persons/${person.id}/export.json`);
    expect(asWorker.statusCode).toBe(200);
    expect(asWorker.headers['content-disposition']).toContain('attachment');
    const data = asWorker.json();
    expect(data.person).toMatchObject({ first_name_lat: 'Khadija', last_name_ar: 'آيت باها' });
    expect(data.person).not.toHaveProperty('delegation_id');
    expect(data.relatives).toMatchObject([{ full_name_lat: 'Brahim Ait Baha' }]);
    expect(data.cases).toMatchObject([{ number: kase.number }]);
    expect(data.consents).toMatchObject([{ basis: 'public_interest' }]);
    expect(data.sensitive).toMatchObject({ included: true, health: [{ status: 'chronic_illness', details: 'Asthme' }] });

    const asDelegate = (await delegate.get(`/api/persons/${person.id}/export.json`)).json();
    expect(asDelegate.person.first_name_lat).toBe('Khadija');
    expect(asDelegate.sensitive).toEqual({ included: false, health: [], disabilities: [], protection: [] });

    expect((await logged(person.id, 'export')).map((r) => r.user_id).sort()).toEqual([worker.id, delegate.id].sort());
    expect((await inezganeWorker.get(`/api/persons/${person.id}/export.json`)).statusCode).toBe(404);
    expect((await inezganeWorker.get(`/api/persons/${person.id}/export.pdf?lang=fr`)).statusCode).toBe(404);
  });

  it('prints a PDF in French and in Arabic, read back', async () => {
    const person = await createPerson(server, { firstNameLat: 'Meryem', lastNameLat: 'Ouazzani', firstNameAr: 'مريم', lastNameAr: 'الوزاني' });
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status) VALUES ($1, 'hospitalised')`, [person.id]);
    const fr = await worker.get(`/api/persons/${person.id}/export.pdf?lang=fr`);
    expect(fr.statusCode, fr.body).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    const frText = pdfPageRuns(fr.rawPayload).flat().join(' ');
    expect(frText).toContain('Meryem');
    expect(frText).toContain('Identité');
    expect(frText).toContain('Hospitalisé');
    const ar = await delegate.get(`/api/persons/${person.id}/export.pdf?lang=ar`);
    const arText = pdfPageRuns(ar.rawPayload).flat().join(' ');
    expect(arText).toContain('مريم');
    expect(arText).toContain('الهوية');
    // The delegate's export leaves the health section out (the database returned no row).
    expect(arText).not.toContain('الصحة');
  });
});

describe('rectification history', () => {
  it('shows who changed the person and what, to those who see the person', async () => {
    const person = await createPerson(server, { firstNameLat: 'Fatima' });
    // As the owner, with the worker as the author (the persons part's PATCH does the same through the API).
    await server.owner(`UPDATE beneficiaries.persons SET first_name_lat = 'Fatema' WHERE id = $1 AND set_config('app.user_id', $2, true) IS NOT NULL`, [person.id, worker.id]);
    const history = await delegate.get(`/api/history/person/${person.id}`);
    expect(history.statusCode, history.body).toBe(200);
    const entries = history.json().items as { action: string; actor: { id: string } | null; changes: { field: string; before: unknown; after: unknown }[] }[];
    expect(entries[0]).toMatchObject({ action: 'update', actor: { id: worker.id }, changes: [{ field: 'first_name_lat', before: 'Fatima', after: 'Fatema' }] });
    expect(entries.at(-1)).toMatchObject({ action: 'insert' });
    expect((await inezganeDelegate.get(`/api/history/person/${person.id}`)).statusCode).toBe(404);
  });
});

describe('retention', () => {
  async function closedCase(delegation: string, closedOn: string) {
    const person = await createPerson(server, { delegation });
    const kase = await createCase(server, { personId: person.id });
    await server.owner(`UPDATE beneficiaries.cases SET opened_on = $2::date - 30, closed_on = $2::date, close_reason = 'Accompagnement terminé', stage = 'closed' WHERE id = $1`, [kase.id, closedOn]);
    return { person, kase };
  }
  const due = async (s: Session, query = '') => {
    const response = await s.get(`/api/privacy/retention-due?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as RetentionDueItem[];
  };

  it('lists files past their period by scope, and a review takes them off the list', async () => {
    const old = await closedCase('09.001', '2014-03-01');
    const recent = await closedCase('09.001', '2025-03-01');
    const elsewhere = await closedCase('09.273', '2014-03-01');
    const institution = await createInstitution(server, { province: '09.001' });
    // Twelve at admission: a schooled child of the institution's category.
    const exited = await createPerson(server, { birthDate: '2000-04-01' });
    const admission = await createAdmission(server, { institutionId: institution.id, personId: exited.id, admissionDate: '2012-09-01', exitDate: '2013-06-30', exitReason: 'programme_completed' });
    const request = await createRequest(server, { personId: exited.id, status: 'closed' });
    await server.owner(`ALTER TABLE beneficiaries.requests DISABLE TRIGGER requests_touch`);
    await server.owner(`UPDATE beneficiaries.requests SET updated_at = '2020-01-01' WHERE id = $1`, [request.id]);
    await server.owner(`ALTER TABLE beneficiaries.requests ENABLE TRIGGER requests_touch`);

    const items = await due(delegate);
    const ids = items.map((i) => i.recordId);
    expect(ids).toContain(old.kase.id);
    expect(ids).toContain(admission.id);
    expect(ids).toContain(request.id);
    expect(ids).not.toContain(recent.kase.id);
    expect(ids).not.toContain(elsewhere.kase.id);
    expect(items.find((i) => i.recordId === old.kase.id)).toMatchObject({ recordType: 'case_file', reference: old.kase.number, endedOn: '2014-03-01', dueOn: '2024-03-01' });
    expect((await due(delegate, '&recordType=admission')).map((i) => i.recordType)).toEqual(expect.arrayContaining(['admission']));
    expect(new Set((await due(delegate, '&recordType=admission')).map((i) => i.recordType))).toEqual(new Set(['admission']));
    expect((await due(inezganeDelegate)).map((i) => i.recordId)).toContain(elsewhere.kase.id);
    expect((await due(inezganeDelegate)).map((i) => i.recordId)).not.toContain(old.kase.id);

    const keep = await delegate.post('/api/privacy/retention-reviews', { recordType: 'case_file', recordId: old.kase.id, decision: 'keep', keepUntil: '2099-01-01', reason: 'Procédure judiciaire en cours' });
    expect(keep.statusCode, keep.body).toBe(201);
    const eliminate = await delegate.post('/api/privacy/retention-reviews', { recordType: 'admission', recordId: admission.id, decision: 'eliminate', reason: "Versé à l'élimination" });
    expect(eliminate.statusCode, eliminate.body).toBe(201);
    const after = (await due(delegate)).map((i) => i.recordId);
    expect(after).not.toContain(old.kase.id);
    expect(after).not.toContain(admission.id);
    expect(after).toContain(request.id);
  });

  it('refuses a review of a file not past its period, of another delegation, or by a role without the privacy duty', async () => {
    const recent = await closedCase('09.001', '2025-03-01');
    const notDue = await delegate.post('/api/privacy/retention-reviews', { recordType: 'case_file', recordId: recent.kase.id, decision: 'eliminate', reason: 'Trop tôt' });
    expect(notDue.statusCode).toBe(400);
    expect(notDue.json().errors).toEqual([{ path: 'recordId', message: "Ce dossier n'a pas dépassé sa durée de conservation." }]);
    const noDate = await delegate.post('/api/privacy/retention-reviews', { recordType: 'case_file', recordId: recent.kase.id, decision: 'keep', reason: 'x' });
    expect(noDate.json().errors).toEqual([{ path: 'keepUntil', message: "Indiquez jusqu'à quand conserver le dossier." }]);
    const elsewhere = await closedCase('09.273', '2014-03-01');
    expect((await delegate.post('/api/privacy/retention-reviews', { recordType: 'case_file', recordId: elsewhere.kase.id, decision: 'eliminate', reason: 'x' })).statusCode).toBe(404);
    expect((await worker.get('/api/privacy/retention-due')).statusCode).toBe(403);
    expect((await worker.post('/api/privacy/retention-reviews', { recordType: 'case_file', recordId: elsewhere.kase.id, decision: 'eliminate', reason: 'x' })).statusCode).toBe(403);
    expect(await server.owner(`SELECT id FROM beneficiaries.retention_reviews WHERE record_id = ANY($1::uuid[])`, [[recent.kase.id, elsewhere.kase.id]])).toEqual([]);
  });

  it('lets only the national administrator change a period', async () => {
    const rules = (await delegate.get('/api/privacy/retention-rules')).json().items as { recordType: string; years: number }[];
    expect(rules.map((r) => r.recordType)).toEqual(['admission', 'case_file', 'request']);
    const [updated] = await sql.query(delegate.id, `UPDATE beneficiaries.retention_rules SET years = 1 WHERE record_type = 'case_file' RETURNING years`);
    expect(updated).toBeUndefined();
    const adminUser = await createUser(server, { role: 'system_admin', scope: 'nation' });
    expect(await sql.query(adminUser.id, `UPDATE beneficiaries.retention_rules SET years = 12 WHERE record_type = 'case_file' RETURNING years`)).toEqual([{ years: 12 }]);
  });
});
