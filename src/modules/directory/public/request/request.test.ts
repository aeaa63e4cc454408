/**
 * The public request for help through real form posts on the real database: it lands in the
 * commune's delegation queue; refused forms say why beside each field in the page's language and
 * store nothing; oversize and unreadable posts answer a page; the honeypot and the signed timestamp
 * hold a request in review; the rate limit refuses with 429 and stores nothing; the status lookup
 * answers only for number and phone together; typed markup stays text everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { createCommune, createInstitution } from '../../../registry/testing/factories.ts';
import { RATE_LIMITS, signFormToken } from './guard.ts';
import ar from './i18n/ar.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };

let server: TestServer;
let desk: Session;
let sibling: Session;
let commune: { id: string };
let otherCommune: { id: string };
let institution: { id: string };
beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
  // Communes first: the site's copy of the places is taken on its first page.
  commune = await createCommune(server, { province: '09.001', nameAr: 'جماعة الاختبار', nameFr: 'Commune Essai' });
  otherCommune = await createCommune(server, { province: '09.273' });
  institution = await createInstitution(server, { communeId: commune.id, nameFr: 'Dar Essai' });
  await server.owner('INSERT INTO directory.publications (institution_id, published, published_at) VALUES ($1, true, now())', [institution.id]);
  desk = await signedIn(server, { role: 'social_worker', scope: '09.001' });
  sibling = await signedIn(server, { role: 'social_worker', scope: '09.273' });
});
afterAll(() => server.close());

const arText = ar.directory.public.request;
const frText = fr.directory.public.request;
/** An address of its own for each test, so that the rate limit of one does not touch another. */
const newAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

async function secret(): Promise<Buffer> {
  await server.app.inject({ method: 'GET', url: '/request?province=09.001' });
  const [row] = await server.owner<{ secret: Buffer }>(`SELECT secret FROM directory.site_secrets WHERE name = 'public_site'`);
  return row!.secret;
}
/** The token of a form served ten seconds ago: what a person who filled it in sends. */
const agedToken = async () => signFormToken(await secret(), Date.now() - 10_000);

const valid = (over: Record<string, string> = {}) => ({
  relation: 'neighbour',
  group: 'elderly',
  need: 'accommodation',
  province: '09.001',
  commune: commune.id,
  description: 'Une voisine âgée vit seule et ne peut plus se déplacer.',
  name: 'Fatima Zahra',
  phone: `06${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  consent: 'yes',
  website: '',
  ...over,
});

const post = (url: string, fields: Record<string, string>, address: string) =>
  server.app.inject({ method: 'POST', url, remoteAddress: address, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

const numberIn = (body: string) => /id="request-number"[^>]*>([^<]+)</.exec(body)?.[1];
const storedFor = (phone: string) => server.owner<{ number: string; status: string; requester_relation: string; needs: string[]; services: string[]; summary: string; requester_name: string; requester_phone: string }>(
  `SELECT number, status, requester_relation, needs, services, summary, requester_name, requester_phone FROM beneficiaries.requests WHERE requester_phone = '+212' || substr($1, 2)`, [phone]);
const queue = async (session: Session) => ((await session.get('/api/reception/requests?limit=200')).json() as { items: { number: string; status: string; channel: string; summary: string; requesterName: string }[] }).items;

describe('the form', () => {
  it('opens on the province step, then lists the province\'s communes, pre-filled from the address', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/request' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toContain('<optgroup label=');
    expect(first.body).toContain('action="/request" method="get"');
    const step = await server.app.inject({ method: 'GET', url: '/fr/request?province=09.001' });
    expect(step.body).toContain('Commune Essai');
    expect(step.body).toContain('name="token"');
    expect(step.body).not.toContain(otherCommune.id);
    const byCommune = await server.app.inject({ method: 'GET', url: `/request?commune=${commune.id}` });
    expect(byCommune.body).toMatch(new RegExp(`<option value="${commune.id}" selected=""`));
    const byInstitution = await server.app.inject({ method: 'GET', url: `/fr/request?institution=${institution.id}` });
    expect(byInstitution.body).toMatch(new RegExp(`<option value="${commune.id}" selected=""`));
    expect(byInstitution.body).toContain('Dar Essai');
    const unknown = await server.app.inject({ method: 'GET', url: '/fr/request?province=99.999' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain(html(frText.form.unknownPlace));
  });
});

describe('sending', () => {
  it('lands in the commune\'s delegation queue as new, with who asked, for whom and the need', async () => {
    const fields = valid({ token: await agedToken() });
    const res = await post('/request', fields, newAddress());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const number = numberIn(res.body);
    expect(number).toMatch(/^R-09001-\d{4}-\d{5}$/);
    expect(res.body).toContain(`/request/status?number=${number}`);
    expect(await storedFor(fields.phone)).toEqual([expect.objectContaining({ number, status: 'new', requester_relation: 'neighbour', needs: ['elderly'], services: ['accommodation'] })]);
    expect((await queue(desk)).find((i) => i.number === number)).toMatchObject({ status: 'new', channel: 'public_request' });
    expect((await queue(sibling)).map((i) => i.number)).not.toContain(number);
  });

  it('is sent by a visitor who is also signed in to the staff app (the form needs no CSRF token)', async () => {
    const fields = valid({ token: await agedToken() });
    const res = await server.app.inject({ method: 'POST', url: '/request', remoteAddress: newAddress(), cookies: { raaya_session: desk.cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    expect(res.statusCode, res.body).toBe(200);
    expect(numberIn(res.body)).toMatch(/^R-09001-/);
    // The API still asks for it.
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { raaya_session: desk.cookie } })).statusCode).toBe(403);
  });

  it('answers field errors beside the fields in the page\'s language, keeps the values, stores nothing', async () => {
    const fields = valid({ token: await agedToken(), name: '', phone: '12', consent: '', relation: 'authority', description: 'Texte gardé' });
    const resAr = await post('/request', fields, newAddress());
    expect(resAr.statusCode).toBe(400);
    for (const key of ['name', 'phone', 'consent', 'relation'] as const) expect(resAr.body).toContain(html(arText.errors[key]));
    expect(resAr.body).toContain('aria-invalid="true"');
    expect(resAr.body).toContain('Texte gardé');
    const resFr = await post('/fr/request', { ...fields, commune: otherCommune.id }, newAddress());
    expect(resFr.statusCode).toBe(400);
    for (const key of ['name', 'phone', 'consent', 'commune'] as const) expect(resFr.body).toContain(html(frText.errors[key]));
    expect(await storedFor(fields.phone)).toEqual([]);
    expect(await server.owner(`SELECT 1 FROM beneficiaries.requests WHERE summary = 'Texte gardé'`)).toEqual([]);
  });

  it('refuses an oversize or unreadable post with a page in its language, and stores nothing', async () => {
    const fields = valid({ token: await agedToken(), description: 'س'.repeat(6000) });
    const big = await post('/fr/request', fields, newAddress());
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('text/html');
    expect(big.body).toContain(html(frText.refused.tooLarge));
    const json = await server.app.inject({ method: 'POST', url: '/request', remoteAddress: newAddress(), payload: valid() });
    expect(json.statusCode).toBe(415);
    expect(json.body).toContain(html(arText.refused.malformed));
    const long = await post('/request', valid({ token: await agedToken(), description: 'x'.repeat(1001) }), newAddress());
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(html(arText.errors.description));
    expect(await storedFor(fields.phone)).toEqual([]);
  });

  it('holds in review what looks automated: the honeypot, a form sent too fast, a missing or forged token', async () => {
    const fresh = /name="token" value="([^"]+)"/.exec((await server.app.inject({ method: 'GET', url: '/request?province=09.001' })).body)![1]!;
    const cases = [
      valid({ token: await agedToken(), website: 'http://spam.example' }),
      valid({ token: fresh }),
      valid({}),
      valid({ token: `${(Date.now() - 10_000).toString(36)}.${'A'.repeat(32)}` }),
      valid({ token: signFormToken(await secret(), Date.now() - 7 * 3600 * 1000) }),
    ];
    for (const fields of cases) {
      const res = await post('/request', fields, newAddress());
      // The visitor is told nothing different.
      expect(res.statusCode).toBe(200);
      expect(numberIn(res.body)).toBeTruthy();
      expect((await storedFor(fields.phone))[0]).toMatchObject({ status: 'review' });
    }
    // Waiting before the queue: the delegation sees it as review, the requester as received.
    const number = (await storedFor(cases[0]!.phone))[0]!.number;
    expect((await queue(desk)).find((i) => i.number === number)).toMatchObject({ status: 'review' });
    const status = await post('/request/status', { number, phone: cases[0]!.phone }, newAddress());
    expect(status.body).toContain(html(arText.status.words.new));
  });

  it('refuses posts over the limit of an address with 429 and stores nothing; keeps no address', async () => {
    const address = newAddress();
    for (let i = 0; i < RATE_LIMITS.request.limit; i++) expect((await post('/request', { relation: 'self' }, address)).statusCode).toBe(400);
    const fields = valid({ token: await agedToken() });
    const refused = await post('/fr/request', fields, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(html(frText.refused.tooMany));
    expect(await storedFor(fields.phone)).toEqual([]);
    // Another address is not affected.
    expect((await post('/request', fields, newAddress())).statusCode).toBe(200);
    const keys = await server.owner<{ address_key: Buffer }>('SELECT address_key FROM directory.rate_limits');
    expect(keys.length).toBeGreaterThan(0);
    for (const { address_key } of keys) expect(address_key.includes(Buffer.from(address))).toBe(false);
  });

  it('shows markup typed in any field as text, on the pages and in the staff queue', async () => {
    const script = '<script>alert(1)</script>';
    const fields = valid({ token: await agedToken(), description: `Aide ${script}`, name: '<img src=x onerror=alert(1)>' });
    const refused = await post('/request', { ...fields, consent: '', phone: `${script}` }, newAddress());
    expect(refused.statusCode).toBe(400);
    expect(refused.body).not.toContain(script);
    expect(refused.body).not.toContain('<img src=x');
    expect(refused.body).toContain(html(`Aide ${script}`));
    const sent = await post('/request', fields, newAddress());
    expect(sent.statusCode).toBe(200);
    const number = numberIn(sent.body)!;
    const item = (await queue(desk)).find((i) => i.number === number)!;
    // Stored and answered as the text typed (JSON, never HTML); the staff screens escape it.
    expect(item).toMatchObject({ summary: `Aide ${script}`, requesterName: '<img src=x onerror=alert(1)>' });
    const res = await desk.get('/api/reception/requests?limit=200');
    expect(res.headers['content-type']).toContain('application/json');
  });
});

describe('the counters', () => {
  it('purge ended windows on the way', async () => {
    const stale = Buffer.alloc(20, 7);
    await server.owner(`INSERT INTO directory.rate_limits (action, address_key, window_start, hits, expires_at)
      VALUES ('request', $1, now() - interval '3 hours', 4, now() - interval '2 hours')`, [stale]);
    await post('/request/status', { number: 'R-09001-2020-00001', phone: '0611111111' }, newAddress());
    expect(await server.owner('SELECT 1 FROM directory.rate_limits WHERE address_key = $1', [stale])).toEqual([]);
  });
});

describe('the status lookup', () => {
  it('answers the status for number and phone together, and the same "not found" for either wrong', async () => {
    const fields = valid({ token: await agedToken() });
    const number = numberIn((await post('/fr/request', fields, newAddress())).body)!;
    const address = newAddress();
    const right = await post('/fr/request/status', { number: number.toLowerCase(), phone: fields.phone.replace(/(..)/g, '$1 ') }, address);
    expect(right.statusCode).toBe(200);
    expect(right.headers['cache-control']).toBe('no-store');
    expect(right.body).toContain(html(frText.status.words.new));
    const wrongPhone = await post('/fr/request/status', { number, phone: '0600000000' }, address);
    const wrongNumber = await post('/fr/request/status', { number: 'R-09001-2020-99999', phone: fields.phone }, address);
    for (const res of [wrongPhone, wrongNumber]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(html(frText.status.notFound));
      expect(res.body).not.toContain(html(frText.status.words.new));
    }
    const bad = await post('/request/status', { number: 'abc', phone: '' }, address);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(html(arText.status.errors.number));
    expect(bad.body).toContain(html(arText.status.errors.phone));
    const prefilled = await server.app.inject({ method: 'GET', url: `/request/status?number=${number}` });
    expect(prefilled.body).toContain(`value="${number}"`);
  });

  it('is rate-limited per address', async () => {
    const address = newAddress();
    for (let i = 0; i < RATE_LIMITS.status.limit; i++) expect((await post('/request/status', { number: 'R-09001-2020-00001', phone: '0611111111' }, address)).statusCode).toBe(404);
    expect((await post('/request/status', { number: 'R-09001-2020-00001', phone: '0611111111' }, address)).statusCode).toBe(429);
  });
});

describe('the data protection notice', () => {
  it('names the controller, purposes, recipients, rights and the CNDP in both languages', async () => {
    for (const [url, text] of [['/privacy', arText], ['/fr/privacy', frText]] as const) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      for (const key of ['controllerText', 'purposesText', 'recipientsText', 'rightsText', 'whereText', 'cndpPending'] as const) expect(res.body).toContain(html(text.privacy[key]));
    }
  });

  it('has the same keys in both catalogs', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(ar).sort()).toEqual(keys(fr).sort());
  });
});

