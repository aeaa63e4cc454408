/**
 * An institution's public page through the real HTTP stack: the chosen public fields and nothing
 * else, never a beneficiary; unknown, unpublished, refused and malformed ids answer the public 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { publishedInstitution } from '../testing.ts';

let server: TestServer;
const get = (url: string) => server.app.inject({ method: 'GET', url });
let full = '';
let minimal = '';
let unpublished = '';
let refused = '';

beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
  full = (await publishedInstitution(server, { province: '09.001', nameFr: 'Dar Taliba Tikiouine', nameAr: 'دار الطالبة تيكيوين', sexServed: 'girls', availability: 'limited' })).id;
  // Published with no optional field chosen: names, kind and services only.
  minimal = (await publishedInstitution(server, { province: '09.001', nameFr: 'Centre Discret', nameAr: 'مركز متكتم', publicFields: [] })).id;
  unpublished = (await publishedInstitution(server, { province: '09.001', nameFr: 'Centre Non Publié', published: false })).id;
  refused = (await publishedInstitution(server, { province: '09.001', nameFr: 'Centre Refusé', status: 'refused' })).id;
  // A beneficiary admitted to the published institution: nothing of them may reach its page.
  await server.owner(
    `UPDATE registry.institutions SET director_name_fr = 'Directrice Secrète', director_name_ar = 'مديرة سرية' WHERE id = $1`, [full],
  );
}, 120_000);
afterAll(() => server.close());

describe('institution public page', () => {
  it('shows the published fields in French, with a phone link, the availability and its date, and a request link', async () => {
    const page = await get(`/fr/institutions/${full}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<h1>Dar Taliba Tikiouine</h1>');
    expect(html).toContain('lang="ar" dir="rtl">دار الطالبة تيكيوين');
    expect(html).toContain('Dar Talib / Dar Taliba');
    expect(html).toContain('Hébergement');
    expect(html).toContain('Avenue Hassan II');
    expect(html).toContain('href="tel:+212528000000"');
    expect(html).toContain('href="mailto:contact@example.ma"');
    expect(html).toContain('De 8 h à 18 h');
    expect(html).toContain('40 places');
    expect(html).toContain('Peu de places');
    expect(html).toMatch(/mis à jour le \d{1,2} \S+ \d{4}/);
    expect(html).toMatch(/AUT-[0-9a-f]{8}/);
    expect(html).toContain('4 mai 2020');
    expect(html).toContain(`href="/fr/request?institution=${full}"`);
    expect(html).toContain(`src="/map.svg?institution=${full}&amp;lang=fr" loading="lazy"`);
    expect(html).toMatch(/<title>Dar Taliba Tikiouine — Dar Talib \/ Dar Taliba, Commune [^<]+ · /);
    expect(html).toContain(`<link rel="canonical" href="/fr/institutions/${full}"/>`);
    expect(html).not.toContain('Directrice Secrète');
  });

  it('shows the Arabic page right to left with Western digits', async () => {
    const page = await get(`/institutions/${full}`);
    expect(page.body).toContain('<html lang="ar-MA" dir="rtl">');
    expect(page.body).toContain('<h1>دار الطالبة تيكيوين</h1>');
    expect(page.body).toContain('40 مكانا');
    expect(page.body).not.toMatch(/[٠-٩]/);
    expect(page.body).not.toContain('مديرة سرية');
  });

  it('hides every optional field the delegation did not choose', async () => {
    const html = (await get(`/fr/institutions/${minimal}`)).body;
    expect(html).toContain('<h1>Centre Discret</h1>');
    for (const hidden of ['Avenue Hassan II', 'tel:', 'mailto:', 'De 8 h à 18 h', 'AUT-', 'Capacité', 'Peu de places', 'Places disponibles', 'map.svg']) {
      expect(html, hidden).not.toContain(hidden);
    }
  });

  it('answers the public 404 for unpublished, refused, unknown and malformed ids, in the page’s language', async () => {
    for (const url of [`/fr/institutions/${unpublished}`, `/fr/institutions/${refused}`, '/fr/institutions/00000000-0000-4000-8000-000000000000', '/fr/institutions/abc', "/fr/institutions/1'%20OR%201=1"]) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.body, url).toContain('Page introuvable');
    }
    expect((await get(`/institutions/${unpublished}`)).body).toContain('الصفحة غير موجودة');
  });

  it('draws the institution’s point on its province’s map, and refuses a map of a hidden one', async () => {
    const map = await server.app.inject({ method: 'GET', url: `/map.svg?institution=${full}&lang=fr`, headers: { 'accept-encoding': 'identity' } });
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toContain('image/svg+xml');
    expect(map.body).toContain('<title>Dar Taliba Tikiouine</title>');
    expect((map.body.match(/<path /g) ?? []).length).toBe(1);
    expect((await get(`/map.svg?institution=${unpublished}`)).statusCode).toBe(404);
    expect((await get(`/map.svg?institution=${minimal}`)).body).not.toContain('<circle');
  });
});
