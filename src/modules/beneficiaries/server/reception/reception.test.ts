/**
 * Reception against the real database: the intake in one transaction (existing person, or a new
 * one through the duplicate gate, nothing written when the gate refuses), the queues of the
 * delegation and of an institution with their filters and keyset, assignment only to accounts of
 * the request's scope (refused by the database too), opening the case file, closing with a reason,
 * a sibling delegation answered 404 everywhere, and issue 7's public doors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs } from '../../../../server/testing/sql-as.ts';
import { createCommune, createInstitution } from '../../../registry/testing/factories.ts';
import { createPerson, createRequest } from '../../testing/factories.ts';
import { anonymous } from '../../../../server/context.ts';
import { publicRequestStatus as statusIn, submitPublicRequest as submitIn, } from './public-intake.ts';

let server: TestServer;
let desk: Session & { id: string };
let deskFr: Session & { id: string };
let sibling: Session & { id: string };
let worker: { id: string };
beforeAll(async () => {
  server = await startTestServer();
  desk = await signedIn(server, { role: 'social_worker', scope: '09.001' });
  deskFr = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  sibling = await signedIn(server, { role: 'social_worker', scope: '09.273' });
  worker = await createUser(server, { role: 'social_worker', scope: '09.001' });
});
afterAll(() => server.close());

// As the public site calls them: the application role, without any account or scope.
const submitPublicRequest = (_: unknown, input: Parameters<typeof submitIn>[1]) => anonymous(server, (tx) => submitIn(tx, input));
const publicRequestStatus = (_: unknown, number: string, phone: string) => anonymous(server, (tx) => statusIn(tx, number, phone));

const tag = () => randomUUID().slice(0, 8);
const request = (over: Record<string, unknown> = {}) => ({
  channel: 'walk_in',
  receptionPoint: 'delegation_desk',
  needs: ['women_in_difficulty'],
  services: ['accommodation', 'social_legal_assistance'],
  summary: 'Hébergement urgent',
  urgency: 'high',
  listeningNotes: 'Entretien d’écoute',
  consentGiven: true,
  ...over,
});

describe('intake', () => {
  it('records a request for an existing person, numbered in the delegation', async () => {
    const person = await createPerson(server);
    const res = await desk.post('/api/reception/intake', { personId: person.id, request: request() });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { requestId: string; number: string; personId: string };
    expect(body.number).toMatch(/^R-09001-\d{4}-\d{5}$/);
    expect(body.personId).toBe(person.id);
    const read = await desk.get(`/api/reception/requests/${body.requestId}`);
    expect(read.json()).toMatchObject({ status: 'new', urgency: 'high', needs: ['women_in_difficulty'], consentGiven: true, person: { id: person.id } });
    const log = await server.owner('SELECT 1 FROM beneficiaries.access_log WHERE person_id = $1 AND user_id = $2 AND action = $3', [person.id, desk.id, 'person']);
    expect(log.length).toBeGreaterThan(0);
  });

  it('creates a new person through the duplicate gate in the same transaction; a refusal writes nothing', async () => {
    const idcs = `3${String(Math.floor(Math.random() * 900000000 + 100000000))}`;
    await createPerson(server, { delegation: '09.273', idcs });
    const last = `Intake${tag()}`;
    const person = { firstNameLat: 'Naima', lastNameLat: last, sex: 'female', idcs };
    const before = await server.owner<{ n: string }>('SELECT count(*) AS n FROM beneficiaries.requests');
    const refused = await desk.post('/api/reception/intake', { person, request: request() });
    expect(refused.statusCode, refused.body).toBe(409);
    expect((refused.json() as { code: string }).code).toBe('possible_duplicates');
    const after = await server.owner<{ n: string }>('SELECT count(*) AS n FROM beneficiaries.requests');
    expect(after[0]!.n).toBe(before[0]!.n);
    const created = await desk.post('/api/reception/intake', { person: { ...person, idcs: null }, request: request() });
    expect(created.statusCode, created.body).toBe(201);
    const rows = await server.owner<{ id: string; delegation_id: string }>('SELECT id, delegation_id FROM beneficiaries.persons WHERE last_name_lat = $1', [last]);
    expect(rows.map((r) => r.id)).toEqual([(created.json() as { personId: string }).personId]);
  });

  it('refuses bad input with field errors in the user\'s language (both a person and a person id, no one named)', async () => {
    const person = await createPerson(server);
    const both = await deskFr.post('/api/reception/intake', { personId: person.id, person: { sex: 'male', firstNameLat: 'X' }, request: request() });
    expect(both.statusCode).toBe(400);
    expect((both.json() as { errors: { path: string; message: string }[] }).errors[0]).toMatchObject({ path: 'personId', message: expect.stringMatching(/pas les deux/) });
    const nobody = await desk.post('/api/reception/intake', { request: request({ requesterName: null }) });
    expect(nobody.statusCode).toBe(400);
    expect((nobody.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('requesterName');
    const badPhone = await desk.post('/api/reception/intake', { request: request({ requesterName: 'Voisin', requesterPhone: '123' }) });
    expect(badPhone.statusCode).toBe(400);
    const foreign = await createPerson(server, { delegation: '09.273' });
    const outOfScope = await desk.post('/api/reception/intake', { personId: foreign.id, request: request() });
    expect(outOfScope.statusCode).toBe(400);
  });
});

describe('queues', () => {
  it('lists the delegation queue and the institution queue apart, filters, and pages by reception time', async () => {
    const institution = await createInstitution(server, { province: '09.001' });
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const atInstitution = await director.post('/api/reception/intake', { request: request({ requesterName: `Mère ${tag()}`, receptionPoint: 'institution' }) });
    expect(atInstitution.statusCode, atInstitution.body).toBe(201);
    const instId = (atInstitution.json() as { requestId: string }).requestId;
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push((await createRequest(server, { urgency: 'emergency', requesterName: `Urgent ${tag()}` })).id);
    const delegationQueue = await desk.get('/api/reception/requests?queue=delegation&urgency=emergency&limit=200');
    const ids = (delegationQueue.json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(made));
    expect(ids).not.toContain(instId);
    const institutionQueue = await desk.get(`/api/reception/requests?queue=institution&institution=${institution.id}`);
    expect((institutionQueue.json() as { items: { id: string; institutionId: string }[] }).items.map((i) => i.id)).toEqual([instId]);
    const own = await director.get('/api/reception/requests');
    expect((own.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([instId]);
    // Keyset: pages of 1 give the same order as one page, newest first.
    const whole = (await desk.get('/api/reception/requests?queue=delegation&urgency=emergency&limit=200').then((r) => r.json())) as { items: { id: string; receivedAt: string }[] };
    const paged: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 3; n += 1) {
      const res = await desk.get(`/api/reception/requests?queue=delegation&urgency=emergency&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
      paged.push(...body.items.map((i) => i.id));
      after = body.nextCursor;
    }
    expect(paged).toEqual(whole.items.slice(0, 3).map((i) => i.id));
    const times = whole.items.map((i) => i.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('assigns to an account of the scope only (the database refuses others too), and filters "assigned to me"', async () => {
    const r = await createRequest(server, { requesterName: `Assign ${tag()}` });
    const assignable = await desk.get(`/api/reception/requests/${r.id}/assignable`);
    expect((assignable.json() as { id: string }[]).map((u) => u.id)).toContain(worker.id);
    const foreigner = await createUser(server, { role: 'social_worker', scope: '09.273' });
    const analyst = await createUser(server, { role: 'central_analyst', scope: 'nation' });
    for (const userId of [foreigner.id, analyst.id]) {
      const refused = await deskFr.post(`/api/reception/requests/${r.id}/assign`, { userId });
      expect(refused.statusCode, refused.body).toBe(400);
      expect((refused.json() as { errors: { path: string; message: string }[] }).errors[0]).toMatchObject({ path: 'userId', message: expect.stringMatching(/périmètre/) });
    }
    const sql = await sqlAs(server);
    await expect(sql.query(desk.id, 'UPDATE beneficiaries.requests SET assigned_to = $2 WHERE id = $1', [r.id, foreigner.id])).rejects.toMatchObject({ constraint: 'requests_assignee_in_scope' });
    await sql.end();
    const ok = await desk.post(`/api/reception/requests/${r.id}/assign`, { userId: desk.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'assigned', assignee: { id: desk.id } });
    const mine = await desk.get('/api/reception/requests?assignedTo=me&open=true&limit=200');
    expect((mine.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(r.id);
    const theirs = await deskFr.get('/api/reception/requests?assignedTo=me');
    expect((theirs.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(r.id);
  });

  it('opens the case file of the request\'s person, then refuses to open or close it again', async () => {
    const person = await createPerson(server);
    const r = await createRequest(server, { personId: person.id });
    await desk.post(`/api/reception/requests/${r.id}/assign`, { userId: worker.id });
    const opened = await desk.post(`/api/reception/requests/${r.id}/open-case`, {});
    expect(opened.statusCode, opened.body).toBe(201);
    const { caseId, number } = opened.json() as { caseId: string; number: string };
    expect(number).toMatch(/^C-09001-/);
    const [c] = await server.owner<{ person_id: string; handler_id: string; stage: string; target_group: string }>('SELECT person_id, handler_id, stage, target_group FROM beneficiaries.cases WHERE id = $1', [caseId]);
    expect(c).toMatchObject({ person_id: person.id, handler_id: worker.id, stage: 'reception', target_group: 'schooled_children' });
    const read = await desk.get(`/api/reception/requests/${r.id}`);
    expect(read.json()).toMatchObject({ status: 'case_opened', caseId, caseNumber: number });
    expect((await desk.post(`/api/reception/requests/${r.id}/open-case`, {})).statusCode).toBe(409);
    expect((await desk.post(`/api/reception/requests/${r.id}/close`, { reason: 'x' })).statusCode).toBe(409);
    const anonymous = await createRequest(server, { requesterName: 'Sans fiche' });
    const refused = await deskFr.post(`/api/reception/requests/${anonymous.id}/open-case`, {});
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('personId');
  });

  it('closes with a reason (the database refuses a closure without one)', async () => {
    const r = await createRequest(server, { requesterName: `Close ${tag()}` });
    expect((await desk.post(`/api/reception/requests/${r.id}/close`, { reason: '' })).statusCode).toBe(400);
    const closed = await desk.post(`/api/reception/requests/${r.id}/close`, { reason: 'Orientée vers l’hôpital' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedReason: 'Orientée vers l’hôpital' });
    await expect(server.owner('UPDATE beneficiaries.requests SET status = $2, closed_reason = NULL WHERE id = $1', [r.id, 'rejected'])).rejects.toMatchObject({ constraint: 'requests_closed_has_reason' });
  });

  it('answers 404 to a sibling delegation on every request route', async () => {
    const r = await createRequest(server, { requesterName: `Sibling ${tag()}` });
    expect((await sibling.get(`/api/reception/requests/${r.id}`)).statusCode).toBe(404);
    expect((await sibling.patch(`/api/reception/requests/${r.id}`, { urgency: 'low' })).statusCode).toBe(404);
    expect((await sibling.get(`/api/reception/requests/${r.id}/assignable`)).statusCode).toBe(404);
    expect((await sibling.post(`/api/reception/requests/${r.id}/assign`, { userId: sibling.id })).statusCode).toBe(404);
    expect((await sibling.post(`/api/reception/requests/${r.id}/open-case`, {})).statusCode).toBe(404);
    expect((await sibling.post(`/api/reception/requests/${r.id}/close`, { reason: 'x' })).statusCode).toBe(404);
    const list = await sibling.get('/api/reception/requests?limit=200');
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(r.id);
  });
});

describe('public requests (issue 7)', () => {
  it('lands in the commune\'s delegation queue; review when flagged; the status only for number and phone', async () => {
    const commune = await createCommune(server, { province: '09.001' });
    const number = await submitPublicRequest(server.db, {
      requesterRelation: 'family',
      requesterName: 'Zahra',
      requesterPhone: '0677889900',
      communeId: commune.id,
      needs: ['elderly'],
      summary: 'Ma mère âgée vit seule',
      consentGiven: true,
    });
    expect(number).toMatch(/^R-09001-/);
    const flagged = await submitPublicRequest(server.db, { requesterName: 'Bot', requesterPhone: '+212600000001', communeId: commune.id, summary: 'x', consentGiven: true, flaggedAutomated: true });
    const queue = (await desk.get('/api/reception/requests?limit=200').then((r) => r.json())) as { items: { number: string; status: string; channel: string; receptionPoint: string }[] };
    expect(queue.items.find((i) => i.number === number)).toMatchObject({ status: 'new', channel: 'public_request', receptionPoint: 'public_site' });
    expect(await server.owner('SELECT requester_relation FROM beneficiaries.requests WHERE number = $1', [number])).toEqual([{ requester_relation: 'family' }]);
    expect(queue.items.find((i) => i.number === flagged)).toMatchObject({ status: 'review' });
    const siblingQueue = (await sibling.get('/api/reception/requests?limit=200').then((r) => r.json())) as { items: { number: string }[] };
    expect(siblingQueue.items.map((i) => i.number)).not.toContain(number);
    expect(await publicRequestStatus(server.db, number, '+212677889900')).toBe('new');
    expect(await publicRequestStatus(server.db, flagged, '+212600000001')).toBe('new');
    expect(await publicRequestStatus(server.db, number, '+212600000001')).toBeNull();
    expect(await publicRequestStatus(server.db, 'R-09001-2026-99999', '+212677889900')).toBeNull();
  });

  it('refuses a request without consent or with an unknown commune, in the schema and in the database', async () => {
    const commune = await createCommune(server, { province: '09.001' });
    await expect(submitPublicRequest(server.db, { requesterName: 'A', requesterPhone: '0611111111', communeId: commune.id, summary: 'x', consentGiven: false as true })).rejects.toThrow();
    const app = await sqlAs(server);
    await expect(app.query(desk.id, `SELECT beneficiaries.submit_public_request('self', 'A', '+212611111111', $1, '{}', '{}', 'x', false, false)`, [commune.id])).rejects.toMatchObject({ constraint: 'public_requests_consent' });
    await expect(app.query(desk.id, `SELECT beneficiaries.submit_public_request('self', 'A', '+212611111111', $1, '{}', '{}', 'x', true, false)`, [randomUUID()])).rejects.toMatchObject({ constraint: 'public_requests_commune' });
    // A visitor cannot claim to be an authority (a desk-only value), in the schema and in the database.
    await expect(submitPublicRequest(server.db, { requesterRelation: 'authority' as 'other', requesterName: 'A', requesterPhone: '0611111111', communeId: commune.id, summary: 'x', consentGiven: true })).rejects.toThrow();
    await expect(app.query(desk.id, `SELECT beneficiaries.submit_public_request('authority', 'A', '+212611111111', $1, '{}', '{}', 'x', true, false)`, [commune.id])).rejects.toMatchObject({ constraint: 'public_requests_relation' });
    await app.end();
  });
});
