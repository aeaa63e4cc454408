import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, idOf, signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
let agadir: string;
let inezgane: string;
let soussMassa: string;
beforeAll(async () => {
  server = await startTestServer();
  agadir = await idOf(server, 'organisation.delegations', '09.001');
  inezgane = await idOf(server, 'organisation.delegations', '09.273');
  soussMassa = await idOf(server, 'territory.regions', '09');
});
afterAll(() => server.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  username: `new${Math.random().toString(36).slice(2, 10)}`,
  password: 'a-good-password',
  fullNameAr: 'أمينة الإدريسي',
  fullNameFr: 'Amina Idrissi',
  email: 'amina@example.ma',
  phone: '+212 600 000000',
  language: 'ar',
  role: 'social_worker',
  ...over,
});

describe('user administration inside the scope', () => {
  it('a delegation sees only its own accounts; a sibling delegation account answers 404 to read, update and delete', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const mine = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const sibling = await createUser(server, { role: 'social_worker', scope: '09.273' });
    const list = (await delegate.get('/api/users?limit=200')).json();
    const ids = list.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(sibling.id);
    expect(list.items.every((u: { scope: { delegationId: string } }) => u.scope.delegationId === agadir)).toBe(true);

    expect((await delegate.get(`/api/users/${mine.id}`)).statusCode).toBe(200);
    const read = await delegate.get(`/api/users/${sibling.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain(sibling.username);
    expect((await delegate.patch(`/api/users/${sibling.id}`, { fullNameFr: 'Changed' })).statusCode).toBe(404);
    expect((await delegate.delete(`/api/users/${sibling.id}`)).statusCode).toBe(404);
    const [row] = await server.owner<{ full_name_fr: string }>('SELECT full_name_fr FROM access.users WHERE id = $1', [sibling.id]);
    expect(row!.full_name_fr).toBe('Utilisateur de test');
  });

  it('a region sees all its delegations and no other region', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const a = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const b = await createUser(server, { role: 'social_worker', scope: '09.273' });
    const other = await createUser(server, { role: 'social_worker', scope: '03.131' });
    const ids = (await coordinator.get('/api/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(other.id);
    expect((await coordinator.get(`/api/users/${other.id}`)).statusCode).toBe(404);
  });

  it('creates an account inside its scope, audited, and never outside it', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const created = await delegate.post('/api/users', newUser({ scope: { level: 'delegation', id: agadir } }));
    expect(created.statusCode).toBe(201);
    expect(created.json().scope).toMatchObject({ level: 'delegation', delegationId: agadir, regionId: soussMassa });
    const audit = await server.owner<{ actor_id: string; after: Record<string, unknown> }>(
      `SELECT actor_id, after FROM audit.log WHERE table_name = 'access.users' AND record_id = $1 AND action = 'insert'`, [created.json().id]);
    expect(audit[0]!.actor_id).toBe(delegate.id);
    expect(audit[0]!.after).not.toHaveProperty('password_hash');

    const sibling = await delegate.post('/api/users', newUser({ scope: { level: 'delegation', id: inezgane } }));
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json().errors[0].path).toBe('scope');
    const wider = await delegate.post('/api/users', newUser({ role: 'inspector', scope: { level: 'region', id: soussMassa } }));
    expect(wider.statusCode).toBe(400);
    const count = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM access.users WHERE delegation_id = $1 AND created_at > now() - interval '1 minute' AND full_name_fr = 'Amina Idrissi'`, [inezgane]);
    expect(count[0]!.n).toBe('0');
  });

  it('never grants a stronger role than its own', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const r = await delegate.post('/api/users', newUser({ role: 'system_admin', scope: { level: 'delegation', id: agadir } }));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ path: 'role', message: expect.any(String) }]);
    const stronger = await createUser(server, { role: 'system_admin', scope: '09.001' });
    expect((await delegate.patch(`/api/users/${stronger.id}`, { fullNameFr: 'x' })).statusCode).toBe(403);
  });

  it('disables an account, which ends its sessions, and refuses to disable oneself', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await worker.get('/api/me')).statusCode).toBe(200);
    const r = await delegate.patch(`/api/users/${worker.id}`, { status: 'disabled' });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('disabled');
    expect((await worker.get('/api/me')).statusCode).toBe(401);
    expect((await delegate.patch(`/api/users/${delegate.id}`, { status: 'disabled' })).statusCode).toBe(400);
  });

  it('deletes only an account never used; a used one must be disabled', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const unused = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const used = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await delegate.delete(`/api/users/${used.id}`)).statusCode).toBe(409);
    expect((await delegate.delete(`/api/users/${unused.id}`)).statusCode).toBe(200);
    expect((await delegate.get(`/api/users/${unused.id}`)).statusCode).toBe(404);
  });

  it('lists with keyset paging, search and filters', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    for (let i = 0; i < 5; i++) await createUser(server, { role: 'inspector', scope: '09.273', username: `pagetest${i}` });
    const first = (await coordinator.get('/api/users?q=pagetest&limit=2')).json();
    expect(first.items.map((u: { username: string }) => u.username)).toEqual(['pagetest0', 'pagetest1']);
    const second = (await coordinator.get(`/api/users?q=pagetest&limit=2&after=${first.nextCursor}`)).json();
    expect(second.items.map((u: { username: string }) => u.username)).toEqual(['pagetest2', 'pagetest3']);
    const last = (await coordinator.get(`/api/users?q=pagetest&limit=2&after=${second.nextCursor}`)).json();
    expect(last.items).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
    const inspectors = (await coordinator.get('/api/users?role=inspector&limit=200')).json().items;
    expect(inspectors.every((u: { role: string }) => u.role === 'inspector')).toBe(true);
  });

  it('refuses a taken username with 409', async () => {
    const admin = await signedIn(server, { role: 'system_admin' });
    const r = await admin.post('/api/users', newUser({ username: admin.username, scope: { level: 'nation', id: null }, role: 'central_analyst' }));
    expect(r.statusCode).toBe(409);
    expect(r.json().errors[0].path).toBe('username');
  });

  it('needs users.manage to create', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await worker.post('/api/users', newUser({ scope: { level: 'delegation', id: agadir } }))).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('answers 400 with field errors in the user language for wrong types, unknown fields and over-long strings, and writes nothing', async () => {
    const admin = await signedIn(server, { role: 'system_admin', language: 'fr' });
    const before = await server.owner<{ n: string }>('SELECT count(*) AS n FROM access.users');
    const cases = [
      newUser({ role: 'emperor', scope: { level: 'nation', id: null } }),
      newUser({ fullNameFr: 'x'.repeat(121), scope: { level: 'nation', id: null }, role: 'central_analyst' }),
      newUser({ isAdmin: true, scope: { level: 'nation', id: null }, role: 'central_analyst' }),
      newUser({ email: 42, scope: { level: 'nation', id: null }, role: 'central_analyst' }),
      newUser({ username: 'Bad Name!', scope: { level: 'nation', id: null }, role: 'central_analyst' }),
      newUser({ scope: { level: 'delegation', id: 'not-a-uuid' } }),
    ];
    const paths = [];
    for (const body of cases) {
      const r = await admin.post('/api/users', body);
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().title).toBe('Données invalides');
      paths.push(r.json().errors[0].path);
    }
    expect(paths).toEqual(['role', 'fullNameFr', 'isAdmin', 'email', 'username', 'scope.id']);
    const after = await server.owner<{ n: string }>('SELECT count(*) AS n FROM access.users');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers 400 to malformed JSON and to a wrong id in the path, never 500', async () => {
    const admin = await signedIn(server, { role: 'system_admin' });
    const malformed = await admin.request({ method: 'POST', url: '/api/users', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    expect((await admin.get('/api/users/123')).statusCode).toBe(400);
    expect((await admin.get('/api/users?limit=abc')).statusCode).toBe(400);
    expect((await admin.get('/api/users?limit=100000')).statusCode).toBe(400);
  });
});
