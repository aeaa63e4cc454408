/**
 * The search page through the real HTTP stack on the real database: institutions made with the
 * registry's factories and published as a delegation would; filters, paging, wrong parameters,
 * script in names, unpublished and refused institutions absent, page weight, sitemap and robots.
 */
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createCommune } from '../../../registry/testing/factories.ts';
import { publishedInstitution } from '../testing.ts';

let server: TestServer;
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const ids: Record<string, string> = {};
let taroudantCommune = '';

beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
  // Agadir (09.001): 23 student homes, so that the results take two pages.
  const agadir = await createCommune(server, { province: '09.001', nameFr: 'Anza Ouest', nameAr: 'أنزا الغربية' });
  for (let i = 0; i < 23; i++) {
    const made = await publishedInstitution(server, { communeId: agadir.id, nameFr: `Dar Taliba Anza ${String(i).padStart(2, '0')}`, nameAr: `دار الطالبة أنزا ${i}`, sexServed: 'girls' });
    if (i === 0) ids.first = made.id;
  }
  const taroudant = await createCommune(server, { province: '09.273', nameFr: 'Oulad Teima Test', nameAr: 'أولاد تايمة تجربة' });
  taroudantCommune = taroudant.id;
  ids.elderly = (await publishedInstitution(server, {
    communeId: taroudant.id, nameFr: 'Maison des personnes âgées Essalam', nameAr: 'دار المسنين السلام',
    legalCategory: 'elderly', centreType: 'elderly_home', services: ['accommodation', 'primary_health_care'], targetGroups: ['elderly'],
    position: { lat: 30.39, lon: -9.2 }, availability: 'limited',
  })).id;
  ids.script = (await publishedInstitution(server, { province: '07.041', nameFr: '<script>alert(1)</script> Centre', nameAr: 'مركز <b>تجربة</b>', legalCategory: 'disability', centreType: 'disability_centre' })).id;
  ids.unpublished = (await publishedInstitution(server, { province: '09.001', nameFr: 'Centre Caché Inédit', nameAr: 'مركز غير منشور', published: false })).id;
  ids.refused = (await publishedInstitution(server, { province: '09.001', nameFr: 'Centre Refusé Inédit', nameAr: 'مركز مرفوض', status: 'refused' })).id;
}, 120_000);
afterAll(() => server.close());

const resultNames = (html: string) => [...html.matchAll(/<h3><a href="[^"]+">([^<]*)<\/a><\/h3>/g)].map((m) => m[1]!);

describe('public search page', () => {
  it('shows published institutions only, 20 a page, with the count and page links that work without JavaScript', async () => {
    const first = await get('/fr/');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Résultats : 25 résultats');
    expect(resultNames(first.body)).toHaveLength(20);
    expect(first.body).not.toContain('Centre Caché Inédit');
    expect(first.body).not.toContain('Centre Refusé Inédit');
    expect(first.body).toContain('href="/fr/?page=2"');
    expect(first.body).toContain('Page 1 sur 2');
    const second = await get('/fr/?page=2');
    expect(resultNames(second.body)).toHaveLength(5);
    expect(second.body).toContain('href="/fr/" rel="prev"');
    // No page lists an institution twice.
    expect(new Set([...resultNames(first.body), ...resultNames(second.body)]).size).toBe(25);
  });

  it('filters by words in either script, by place, category, need and target group', async () => {
    expect(resultNames((await get('/fr/?q=essalam')).body)).toEqual(['Maison des personnes âgées Essalam']);
    // Arabic words without diacritics or hamza still match; a commune name finds its institutions.
    expect(resultNames((await get('/?q=' + encodeURIComponent('المسنين'))).body)).toEqual(['دار المسنين السلام']);
    expect(resultNames((await get('/fr/?q=oulad+teima')).body)).toEqual(['Maison des personnes âgées Essalam']);
    expect(resultNames((await get('/fr/?q=ANZA+ouest')).body)).toHaveLength(20);
    expect((await get('/fr/?province=09.273')).body).toContain('Résultats : 1 résultat<');
    expect((await get('/fr/?region=09')).body).toContain('Résultats : 24 résultats');
    expect(resultNames((await get('/fr/?region=07')).body)).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt; Centre']);
    expect(resultNames((await get('/fr/?category=elderly_home')).body)).toEqual(['Maison des personnes âgées Essalam']);
    expect(resultNames((await get('/fr/?category=elderly')).body)).toEqual(['Maison des personnes âgées Essalam']);
    expect(resultNames((await get('/fr/?need=primary_health_care')).body)).toEqual(['Maison des personnes âgées Essalam']);
    expect(resultNames((await get('/fr/?group=elderly&region=09')).body)).toEqual(['Maison des personnes âgées Essalam']);
    expect(resultNames((await get(`/fr/?commune=${taroudantCommune}`)).body)).toEqual(['Maison des personnes âgées Essalam']);
  });

  it('gives a meaningful title, description and canonical address', async () => {
    const page = await get('/fr/?category=elderly_home&province=09.273');
    expect(page.body).toContain('<title>Foyer pour personnes âgées à Inezgane-Aït Melloul — 1 résultat · Raaya');
    expect(page.body).toMatch(/<meta name="description" content="1 résultat dans l’annuaire/);
    expect(page.body).toContain('<link rel="canonical" href="/fr/?province=09.273&amp;category=elderly_home"/>');
    const ar = await get('/?province=09.001');
    expect(ar.body).toMatch(/<title>المؤسسات في [^<]+ — 23 نتيجة · /);
  });

  it('sorts by distance from the visitor’s position and shows the distance', async () => {
    const page = await get('/fr/?near=30.39,-9.21&region=09');
    const names = resultNames(page.body);
    expect(names[0]).toBe('Maison des personnes âgées Essalam');
    expect(page.body).toContain('À 1 km');
    expect(page.body).toContain('Résultats classés du plus proche');
    expect(page.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('answers wrong parameters with a normal page and a message, never an error', async () => {
    const cases: [string, string][] = [
      ['/fr/?region=99', 'la région demandée n’existe pas'],
      ['/fr/?province=abc', 'la province demandée n’existe pas'],
      ['/fr/?page=abc', 'cette page n’existe pas'],
      ['/fr/?page=0', 'cette page n’existe pas'],
      ['/fr/?page=999', 'cette page n’existe pas : voici la page 2'],
      ['/fr/?near=xyz', 'la position donnée n’est pas lisible'],
      ['/fr/?near=91,10', 'la position donnée n’est pas lisible'],
      ['/fr/?category=%3Cscript%3E', 'la catégorie demandée n’existe pas'],
      ['/fr/?need=flying', 'le besoin demandé n’existe pas'],
      ['/fr/?group=martians', 'le public demandé n’existe pas'],
      ['/fr/?commune=not-a-uuid', 'la commune demandée n’existe pas'],
      [`/fr/?q=${'a'.repeat(5000)}`, 'les mots sont trop longs'],
      ['/?region=99', 'الجهة المطلوبة غير موجودة'],
    ];
    for (const [url, message] of cases) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain(message);
    }
    // Malformed escapes and repeated parameters are read, not refused.
    expect((await get('/fr/?q=%E0%A4%A&q=x&page=1&page=2')).statusCode).toBe(200);
    // The ignored parameter does not narrow the search.
    expect((await get('/fr/?region=99')).body).toContain('Résultats : 25 résultats');
  });

  it('shows script typed in a name as text', async () => {
    const page = await get('/fr/?region=07');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Centre');
    expect(page.body).not.toContain('<script>alert(1)');
    const ar = await get('/?region=07');
    expect(ar.body).toContain('مركز &lt;b&gt;تجربة&lt;/b&gt;');
  });

  it('says clearly when nothing is found, with suggestions', async () => {
    const page = await get('/fr/?q=introuvable&province=09.273');
    expect(page.body).toContain('Aucun établissement ne correspond à cette recherche.');
    expect(page.body).toContain('chercher sans les mots « introuvable »');
    expect(page.body).toContain('href="/fr/request?province=09.273"');
    expect(page.body).not.toContain('<img');
  });

  it('keeps the first view light: ≤ 30 KB compressed in both languages, with 20 results', async () => {
    for (const url of ['/', '/fr/', '/?region=09', '/fr/?region=09']) {
      const page = await get(url, { 'accept-encoding': 'br' });
      expect(page.headers['content-encoding']).toBe('br');
      const script = await get('/near-me.js', { 'accept-encoding': 'br' });
      const weight = page.rawPayload.length + script.rawPayload.length;
      expect(weight, url).toBeLessThanOrEqual(30 * 1024);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.rawPayload.length + script.rawPayload.length, url).toBeLessThanOrEqual(30 * 1024);
      const html = brotliDecompressSync(page.rawPayload).toString('utf8');
      expect(resultNames(html)).toHaveLength(20);
      // The map is below the list and lazy: it is not part of the first view.
      expect(html).toMatch(/<img src="\/map.svg[^"]*" loading="lazy"/);
    }
  });

  it('loads the near-me script from our own address, and serves it', async () => {
    const page = await get('/fr/');
    expect(page.body).toContain('<script src="/near-me.js" defer="">');
    expect(page.body).toMatch(/<button type="button" class="secondary" id="near-me" hidden=""/);
    const script = await get('/near-me.js');
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('getCurrentPosition');
  });

  it('follows an edit: an institution unpublished disappears from the next page', async () => {
    const made = await publishedInstitution(server, { province: '09.001', nameFr: 'Centre Éphémère', nameAr: 'مركز مؤقت' });
    expect((await get('/fr/?q=ephemere')).body).toContain('Centre Éphémère');
    await server.owner('UPDATE directory.publications SET published = false WHERE institution_id = $1', [made.id]);
    expect((await get('/fr/?q=ephemere')).body).not.toContain('Centre Éphémère');
  });
});

describe('search engines', () => {
  it('lists the home page and every published institution in both languages in the sitemap', async () => {
    const sitemap = await get('/sitemap.xml', { host: 'annuaire.example.ma' });
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain('<loc>http://annuaire.example.ma/</loc>');
    expect(sitemap.body).toContain('<loc>http://annuaire.example.ma/fr/</loc>');
    expect(sitemap.body).toContain(`<loc>http://annuaire.example.ma/institutions/${ids.elderly}</loc>`);
    expect(sitemap.body).toContain(`<loc>http://annuaire.example.ma/fr/institutions/${ids.elderly}</loc>`);
    expect(sitemap.body).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
    expect(sitemap.body).not.toContain(ids.unpublished);
    expect(sitemap.body).not.toContain(ids.refused);
    expect((await get('/sitemap.xml', { host: 'evil"host' })).statusCode).toBe(400);
  });

  it('opens the public site to robots, closes the app and the API, and names the sitemap', async () => {
    const robots = await get('/robots.txt', { host: 'annuaire.example.ma' });
    expect(robots.headers['content-type']).toContain('text/plain');
    expect(robots.body).toContain('Disallow: /app/');
    expect(robots.body).toContain('Disallow: /api/');
    expect(robots.body).toContain('Sitemap: http://annuaire.example.ma/sitemap.xml');
  });
});
