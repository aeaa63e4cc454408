import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/harness.ts';
import { publishedInstitution } from './testing.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
});
afterAll(() => server.close());

describe('public site frame', () => {
  it('answers Arabic at / and French at /fr/, each linking to the other', async () => {
    const ar = await server.app.inject({ method: 'GET', url: '/' });
    expect(ar.statusCode).toBe(200);
    expect(ar.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ar.body).toContain('<html lang="ar-MA" dir="rtl">');
    expect(ar.body).toContain('href="/fr/"');
    const fr = await server.app.inject({ method: 'GET', url: '/fr/' });
    expect(fr.body).toContain('<html lang="fr-MA" dir="ltr">');
    expect(fr.body).toMatch(/<a href="\/" hrefLang="ar" lang="ar">/i);
    expect((await server.app.inject({ method: 'GET', url: '/fr' })).headers.location).toBe('/fr/');
  });

  it('sends compressed pages with validators and a short public cache', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/fr/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toMatch(/max-age=30/);
    const again = await server.app.inject({ method: 'GET', url: '/fr/', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers an unknown public address with an HTML page in its language, and the API with a problem', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/fr/nowhere' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page introuvable');
    const ar = await server.app.inject({ method: 'GET', url: '/nowhere' });
    expect(ar.body).toContain('الصفحة غير موجودة');
    const api = await server.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the version the public site watches', () => {
  const version = async () => (await server.owner<{ v: string }>('SELECT directory.current_version()::text AS v'))[0]!.v;

  it('moves when a published institution or its services change, not for an unpublished one', async () => {
    const shown = await publishedInstitution(server);
    const hidden = await publishedInstitution(server, { published: false });
    let before = await version();
    await server.owner(`UPDATE registry.institutions SET phone = '+212528111111' WHERE id = $1`, [hidden.id]);
    await server.owner(`DELETE FROM registry.institution_services WHERE institution_id = $1`, [hidden.id]);
    expect(await version()).toBe(before);
    await server.owner(`UPDATE registry.institutions SET phone = '+212528111111' WHERE id = $1`, [shown.id]);
    expect(await version()).not.toBe(before);
    before = await version();
    await server.owner(`DELETE FROM registry.institution_services WHERE institution_id = $1 AND service = 'feeding'`, [shown.id]);
    expect(await version()).not.toBe(before);
    const page = await server.app.inject({ method: 'GET', url: `/fr/institutions/${shown.id}` });
    expect(page.body).toContain('+212528111111'.slice(4));
  });
});
