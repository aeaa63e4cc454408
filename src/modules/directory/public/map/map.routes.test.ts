/** /map.svg: the search's results on the server-drawn map, in the view of the place searched. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { publishedInstitution } from '../testing.ts';

let server: TestServer;
const get = (url: string) => server.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
const svg = async (url: string) => (await server.app.inject({ method: 'GET', url })).body;

beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
  await publishedInstitution(server, { province: '09.001', nameFr: 'Dar Taliba Carte', nameAr: 'دار الطالبة خريطة', position: { lat: 30.42, lon: -9.58 } });
  await publishedInstitution(server, { province: '07.351', nameFr: 'Centre <Marrakech> & Co', nameAr: 'مركز مراكش', position: { lat: 31.63, lon: -8.0 } });
}, 120_000);
afterAll(() => server.close());

describe('search results map', () => {
  it('draws the 12 regions and every result with its name as a title', async () => {
    const body = await svg('/map.svg?lang=fr');
    expect(body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((body.match(/<path /g) ?? []).length).toBe(12);
    expect((body.match(/<circle /g) ?? []).length).toBe(2);
    expect(body).toContain('<title>Dar Taliba Carte</title>');
    // Names are escaped: the SVG stays well formed and inert.
    expect(body).toContain('<title>Centre &lt;Marrakech&gt; &amp; Co</title>');
    expect(await svg('/map.svg')).toContain('<title>دار الطالبة خريطة</title>');
  });

  it('draws a region’s provinces, or one province, with only the results there', async () => {
    const region = await svg('/map.svg?region=09');
    expect((region.match(/<path /g) ?? []).length).toBe(6);
    expect((region.match(/<circle /g) ?? []).length).toBe(1);
    const province = await svg('/map.svg?province=07.351&lang=fr');
    expect((province.match(/<path /g) ?? []).length).toBe(1);
    expect(province).toContain('Marrakech');
    expect(province).not.toContain('Dar Taliba Carte');
  });

  it('is light, compressed, cached and never an error on wrong parameters', async () => {
    const country = await get('/map.svg?page=abc&region=99&near=zz');
    expect(country.statusCode).toBe(200);
    expect(country.headers['content-encoding']).toBe('gzip');
    expect(country.rawPayload.length).toBeLessThan(40 * 1024);
    expect(country.headers['cache-control']).toMatch(/max-age=30/);
    const again = await server.app.inject({ method: 'GET', url: '/map.svg?page=abc&region=99&near=zz', headers: { 'if-none-match': String(country.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});

describe('map drawing', () => {
  it('titles the first points and draws the rest as dots, one per pixel', async () => {
    const { mapSvg, MAX_TITLED } = await import('./svg.ts');
    const { viewOf } = await import('./shapes.ts');
    const view = viewOf('country', [], { width: 800, height: 760 });
    const points = Array.from({ length: MAX_TITLED + 50 }, (_, i) => ({ name: `P${i}`, lat: 30 + (i % 25) / 10, lon: -9 + Math.floor(i / 25) / 10 }));
    const body = mapSvg(view, { width: 800, height: 760 }, 'T', points);
    expect((body.match(/<circle /g) ?? []).length).toBe(MAX_TITLED);
    expect(body).not.toContain(`<title>P${MAX_TITLED}</title>`);
    const dots = body.match(/M\d+ \d+h0/g) ?? [];
    expect(dots.length).toBeGreaterThan(0);
    expect(dots.length).toBeLessThanOrEqual(50);
    expect(new Set(dots).size).toBe(dots.length);
  });
});
