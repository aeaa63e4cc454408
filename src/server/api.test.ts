import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('API conventions', () => {
  it('GET /api/health answers ok once migrations are applied', async () => {
    const r = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document covering every API route, and a reference page', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of ['/api/auth/login', '/api/me', '/api/users', '/api/users/{id}', '/api/territory/regions', '/api/organisation/delegations/{id}', '/api/audit']) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
    expect(doc.paths['/api/users'].post.requestBody).toBeDefined();
    const page = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API path with a problem+json 404 in Arabic by default and French on request', async () => {
    const ar = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(ar.statusCode).toBe(404);
    expect(ar.headers['content-type']).toContain('application/problem+json');
    expect(ar.json().title).toBe('غير موجود');
    const fr = await server.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'fr-MA,fr;q=0.9' } });
    expect(fr.json().title).toBe('Introuvable');
  });

  it('never answers 500 to hostile input on login', async () => {
    const bodies = ['', 'null', '[]', '{"username":{"$ne":1},"password":"x"}', `{"username":"${'a'.repeat(5000)}","password":"x"}`, '{"username":"a","password":"b","extra":1}', '\u0000'];
    for (const payload of bodies) {
      const r = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(r.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, payload).toBeLessThan(500);
    }
    const form = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<x/>' });
    expect(form.statusCode).toBe(415);
  });

  it('sends security headers', async () => {
    const r = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the public directory at / and links it to the staff app', async () => {
    const r = await server.app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('href="/app/"');
  });
});
