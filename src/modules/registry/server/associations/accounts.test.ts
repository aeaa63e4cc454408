/**
 * Accounts at association and institution level, created through the user administration: the
 * administrator may only place them on an association or institution of its own scope, and the
 * account then sees only that association and its institutions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createAssociation, createInstitution } from '../../testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let n = 0;
const account = (role: string, scope: { level: string; id: string | null }) => ({
  username: `acct${Date.now().toString(36)}${n++}`,
  password: 'a-long-password-1',
  fullNameAr: 'مسؤول الجمعية',
  fullNameFr: "Responsable de l'association",
  email: null,
  phone: null,
  language: 'fr',
  role,
  scope,
});

describe('accounts at association level', () => {
  it('are created by the delegation for an association it seats; the officer sees only its association and institutions', async () => {
    const own = await createAssociation(server, { province: '09.001' });
    const ownInstitution = await createInstitution(server, { associationId: own.id, province: '09.001' });
    const other = await createAssociation(server, { province: '09.001' });
    const otherInstitution = await createInstitution(server, { associationId: other.id, province: '09.001' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });

    const body = account('association_officer', { level: 'association', id: own.id });
    const created = await delegate.post('/api/users', body);
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(user.scope).toMatchObject({ level: 'association', associationId: own.id });
    expect(user.scope.nameFr).toMatch(/^Association /);
    expect(user.scope.delegationId).not.toBeNull();
    // The delegation lists it among its accounts.
    const listed = await delegate.get(`/api/users?q=${body.username}`);
    expect(listed.json().items.map((u: { id: string }) => u.id)).toEqual([user.id]);

    const officer = await login(server, body.username, body.password);
    const me = (await officer.get('/api/me')).json();
    expect(me.scope).toMatchObject({ level: 'association', associationId: own.id });
    const list = await officer.get('/api/associations?limit=200');
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([own.id]);
    const page = await officer.get(`/api/associations/${own.id}`);
    expect(page.json().institutions.map((i: { id: string }) => i.id)).toEqual([ownInstitution.id]);
    expect((await officer.get(`/api/associations/${other.id}`)).statusCode).toBe(404);
    // Another association's institution is invisible to it (RLS on registry.institutions): its history answers 404.
    expect((await officer.get(`/api/history/institution/${ownInstitution.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/history/institution/${otherInstitution.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/institutions/${ownInstitution.id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/institutions/${otherInstitution.id}`)).statusCode).toBe(404);
    const institutions = await officer.get('/api/institutions?limit=200');
    expect(institutions.json().items.map((i: { id: string }) => i.id)).toEqual([ownInstitution.id]);
    const documents = await officer.get(`/api/documents?ownerType=association&ownerId=${other.id}`);
    expect(documents.statusCode).toBe(404);
    expect((await officer.patch(`/api/associations/${own.id}`, { address: 'Siège' })).statusCode).toBe(200);
    expect((await officer.patch(`/api/associations/${other.id}`, { address: 'Siège' })).statusCode).toBe(404);
    const create = await officer.post('/api/associations', { legalForm: 'association', nameAr: 'س', nameFr: 'S', publicUtility: false, communeId: own.communeId });
    expect(create.statusCode).toBe(403);
  });

  it('refuses an association outside the administrator scope, and the level without an id', async () => {
    const elsewhere = await createAssociation(server, { province: '09.273' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const outside = await delegate.post('/api/users', account('association_officer', { level: 'association', id: elsewhere.id }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: 'scope.id', message: 'Le périmètre choisi est en dehors du vôtre.' });
    // A founder of one of its institutions seated elsewhere is visible, but its accounts belong to its seat.
    await createInstitution(server, { associationId: elsewhere.id, province: '09.001' });
    const founder = await delegate.post('/api/users', account('association_officer', { level: 'association', id: elsewhere.id }));
    expect(founder.statusCode).toBe(400);
    expect(founder.json().errors[0].path).toMatch(/^scope/);
    const missing = await delegate.post('/api/users', account('association_officer', { level: 'association', id: null }));
    expect(missing.statusCode).toBe(400);
    const wrongLevel = await delegate.post('/api/users', account('provincial_delegate', { level: 'association', id: elsewhere.id }));
    expect(wrongLevel.statusCode).toBe(400);
    expect(await server.owner("SELECT 1 FROM access.users WHERE association_id = $1", [elsewhere.id])).toHaveLength(0);
  });
});

describe('accounts at institution level', () => {
  it('are created for an institution of the scope, carry its keys, and see only it', async () => {
    const founder = await createAssociation(server, { province: '09.001' });
    const institution = await createInstitution(server, { associationId: founder.id, province: '09.001' });
    const sibling = await createInstitution(server, { associationId: founder.id, province: '09.001' });
    const admin = await signedIn(server, { role: 'system_admin', language: 'fr' });
    const body = account('institution_director', { level: 'institution', id: institution.id });
    const created = await admin.post('/api/users', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().scope).toMatchObject({ level: 'institution', institutionId: institution.id, associationId: founder.id });
    const director = await login(server, body.username, body.password);
    const page = await director.get(`/api/associations/${founder.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().institutions.map((i: { id: string }) => i.id)).toEqual([institution.id]);
    expect(sibling.id).not.toBe(institution.id);
    // An institution outside a delegation's scope is refused.
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273', language: 'fr' });
    const outside = await inezgane.post('/api/users', account('institution_director', { level: 'institution', id: institution.id }));
    expect(outside.statusCode).toBe(400);
  });
});
