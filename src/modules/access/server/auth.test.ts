import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, signedIn, startTestServer, TEST_PASSWORD, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user with scope and permissions', async () => {
    const user = await createUser(server, { role: 'provincial_delegate', scope: '09.001' });
    const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'raaya_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = response.json();
    expect(me).toMatchObject({ username: user.username, role: 'provincial_delegate', scope: { level: 'delegation' } });
    expect(me.scope.nameFr).toContain('Agadir');
    expect(me.permissions).toContain('users.manage');
    expect(me).not.toHaveProperty('passwordHash');
  });

  it('answers 401 in the user language for a wrong password or an unknown user, and the same message for both', async () => {
    const user = await createUser(server, { role: 'social_worker', scope: '09.001' });
    const wrong = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'fr' }, payload: { username: user.username, password: 'not-the-password' } });
    const unknown = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'fr' }, payload: { username: 'nobody-here', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().detail).toBe("Nom d'utilisateur ou mot de passe incorrect.");
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks the account after repeated failures, even for the right password, and records it in the audit log', async () => {
    const user = await createUser(server, { role: 'inspector', scope: '09.001' });
    for (let i = 0; i < server.config.loginMaxFailures - 1; i++) {
      const r = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong-password' } });
      expect(r.statusCode).toBe(401);
    }
    const last = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong-password' } });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    const right = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('account_locked');
    const events = await server.owner<{ event: string }>(`SELECT event FROM audit.log WHERE record_id = $1 AND action = 'event' ORDER BY seq`, [user.id]);
    expect(events.map((e) => e.event)).toEqual([...Array(server.config.loginMaxFailures - 1).fill('login_failed'), 'login_locked']);
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(server, { role: 'inspector', scope: '09.001' });
    await server.owner(`UPDATE access.users SET status = 'disabled' WHERE id = $1`, [user.id]);
    const r = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(r.statusCode).toBe(401);
  });
});

describe('session', () => {
  it('GET /api/me needs a session; logout ends it', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const session = await signedIn(server, { role: 'central_analyst' });
    expect((await session.get('/api/me')).statusCode).toBe(200);
    expect((await session.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await session.get('/api/me')).statusCode).toBe(401);
  });

  it('expires a session that stayed idle too long', async () => {
    const session = await signedIn(server, { role: 'central_analyst' });
    await server.owner(`UPDATE access.sessions SET last_seen_at = now() - interval '1 day' WHERE user_id = $1`, [session.id]);
    expect((await session.get('/api/me')).statusCode).toBe(401);
  });

  it('expires a session past its lifetime', async () => {
    const session = await signedIn(server, { role: 'central_analyst' });
    await server.owner(`UPDATE access.sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.id]);
    expect((await session.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and writes nothing', async () => {
    const session = await signedIn(server, { role: 'central_analyst', language: 'ar' });
    const r = await session.request({ method: 'PATCH', url: '/api/me', headers: { 'x-csrf-token': 'forged' }, payload: { language: 'fr' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('csrf');
    const [row] = await server.owner<{ language: string }>('SELECT language FROM access.users WHERE id = $1', [session.id]);
    expect(row!.language).toBe('ar');
  });

  it('remembers the language per user and answers errors in it', async () => {
    const session = await signedIn(server, { role: 'central_analyst', language: 'ar' });
    const r = await session.patch('/api/me', { language: 'fr' });
    expect(r.statusCode).toBe(200);
    expect(r.json().language).toBe('fr');
    expect((await session.get('/api/me')).json().language).toBe('fr');
    const denied = await session.get('/api/audit');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().title).toBe('Non autorisé');
  });
});

describe('password change', () => {
  it('checks the current password, changes it, and the new one works', async () => {
    const session = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const wrong = await session.post('/api/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-new-password-2' });
    expect(wrong.statusCode).toBe(400);
    const short = await session.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('newPassword');
    const ok = await session.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-2' });
    expect(ok.statusCode).toBe(200);
    await expect(login(server, session.username)).rejects.toThrow(/401/);
    await expect(login(server, session.username, 'a-new-password-2')).resolves.toBeTruthy();
  });
});
