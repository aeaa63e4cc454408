/**
 * The staff side of the directory through the API, on the real database: who may publish and set
 * availability, scope (404), bad input (400 in both languages), the 409 of an institution that
 * does not operate, the audit trail, and the public page following an edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../server/testing/harness.ts';
import { createInstitution } from '../../registry/testing/factories.ts';

let server: TestServer;
let delegate: Session & { id: string };
let inAgadir: { id: string };
let other: { id: string };

const publication = (id: string) => `/api/institutions/${id}/publication`;
const availability = (id: string) => `/api/institutions/${id}/availability`;
const put = (s: Session, url: string, payload: unknown) => s.request({ method: 'PUT', url, payload: payload as object });
const settings = {
  published: true,
  publicFields: ['address', 'phone', 'hours', 'availability'],
  openingHoursAr: 'من الاثنين إلى الجمعة، 8:30 - 16:30',
  openingHoursFr: 'Du lundi au vendredi, 8 h 30 - 16 h 30',
};

beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
  inAgadir = await createInstitution(server, { province: '09.001', nameFr: 'Dar Taliba Publication Test' });
  other = await createInstitution(server, { province: '09.001' });
});
afterAll(() => server.close());

describe('publication settings', () => {
  it('starts unpublished with the default fields, then publishes with hours and shows it on the public page', async () => {
    const before = await delegate.get(publication(inAgadir.id));
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ published: false, visible: false, updatedAt: null, publicFields: ['address', 'phone', 'hours', 'capacity', 'position', 'licence'] });
    expect((await server.app.inject({ method: 'GET', url: `/fr/institutions/${inAgadir.id}` })).statusCode).toBe(404);

    const saved = await put(delegate, publication(inAgadir.id), settings);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ published: true, visible: true, publicFields: settings.publicFields, openingHoursFr: settings.openingHoursFr });
    expect(saved.json().publishedAt).toEqual(expect.any(String));

    const page = await server.app.inject({ method: 'GET', url: `/fr/institutions/${inAgadir.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dar Taliba Publication Test');
    expect(page.body).toContain('Du lundi au vendredi');
  });

  it('keeps the fields a request leaves out (the list switch sends only `published`), and unpublishing removes the page', async () => {
    const off = await put(delegate, publication(inAgadir.id), { published: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ published: false, visible: false, publicFields: settings.publicFields, openingHoursAr: settings.openingHoursAr });
    expect((await server.app.inject({ method: 'GET', url: `/fr/institutions/${inAgadir.id}` })).statusCode).toBe(404);
    const on = await put(delegate, publication(inAgadir.id), { published: true });
    expect(on.json()).toMatchObject({ published: true, visible: true, openingHoursFr: settings.openingHoursFr });
    expect((await server.app.inject({ method: 'GET', url: `/fr/institutions/${inAgadir.id}` })).statusCode).toBe(200);
  });

  it('writes every change to the audit log, read back as the publication history', async () => {
    const rows = await server.owner<{ actor_id: string; action: string }>(
      `SELECT actor_id, action FROM audit.log WHERE table_name = 'directory.publications' AND institution_id = $1 ORDER BY seq`, [inAgadir.id]);
    expect(rows.map((r) => r.action)).toEqual(['insert', 'update', 'update']);
    expect(rows.every((r) => r.actor_id === delegate.id)).toBe(true);
    const history = await delegate.get(`/api/history/publication/${inAgadir.id}`);
    expect(history.statusCode).toBe(200);
    const [latest] = history.json().items as { actor: { id: string }; changes: { field: string; before: unknown; after: unknown }[] }[];
    expect(latest!.actor.id).toBe(delegate.id);
    expect(latest!.changes).toContainEqual({ field: 'published', before: false, after: true });
  });

  it('refuses to publish an institution that does not operate (409), and lets it be unpublished', async () => {
    const refused = await createInstitution(server, { province: '09.001' });
    await server.owner(`UPDATE registry.institutions SET status = 'refused' WHERE id = $1`, [refused.id]);
    const answer = await put(delegate, publication(refused.id), { published: true });
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ code: 'not_operating' });
    expect(answer.json().detail).toContain('لن تظهر');
    expect(await server.owner('SELECT 1 FROM directory.publications WHERE institution_id = $1', [refused.id])).toHaveLength(0);
    expect((await put(delegate, publication(refused.id), { published: false })).statusCode).toBe(200);
  });

  it('answers 400 with field errors in the reader’s language, and stores nothing', async () => {
    const french = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const body = { published: 'yes', publicFields: ['hours', 'salary'], openingHoursFr: '' };
    const fr = await put(french, publication(other.id), body);
    expect(fr.statusCode).toBe(400);
    expect(fr.headers['content-type']).toContain('application/problem+json');
    const paths = (fr.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['published', 'publicFields.1']));

    const hours = await put(french, publication(other.id), { published: true, publicFields: ['hours'], openingHoursAr: 'صباحا' });
    expect(hours.statusCode).toBe(400);
    expect(hours.json().errors).toEqual([{ path: 'openingHoursFr', message: 'Indiquez les horaires d’accueil ou ne les affichez pas.' }]);
    const ar = await put(delegate, publication(other.id), { published: true, publicFields: ['hours'], openingHoursAr: 'صباحا' });
    expect(ar.json().errors).toEqual([{ path: 'openingHoursFr', message: 'اكتب أوقات الاستقبال أو ألغِ اختيار عرضها.' }]);

    const tooMany = await put(delegate, availability(other.id), { availability: 'full', placesAvailable: 3 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ path: 'placesAvailable', message: 'مؤسسة ممتلئة ليس لها أماكن شاغرة.' });
    const overCapacity = await put(french, availability(other.id), { availability: 'available', placesAvailable: 500 });
    expect(overCapacity.statusCode).toBe(400);
    expect(overCapacity.json().errors[0]).toMatchObject({ path: 'placesAvailable', message: 'Le nombre de places libres dépasse la capacité (80).' });
    expect(await server.owner('SELECT 1 FROM directory.publications WHERE institution_id = $1', [other.id])).toHaveLength(0);
  });
});

describe('who may do what', () => {
  it('a social worker reads the settings but may not publish (403) nor set availability', async () => {
    const social = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await social.get(publication(inAgadir.id))).statusCode).toBe(200);
    expect((await put(social, publication(inAgadir.id), { published: false })).statusCode).toBe(403);
    expect((await put(social, availability(inAgadir.id), { availability: 'full' })).statusCode).toBe(403);
    expect((await social.get('/api/directory/publications')).statusCode).toBe(403);
  });

  it('an institution director sets the availability of their own institution only, and may not publish', async () => {
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: inAgadir.id } });
    const own = await put(director, availability(inAgadir.id), { availability: 'limited', placesAvailable: 4 });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ availability: 'limited', placesAvailable: 4, published: true });
    expect(own.json().availabilityUpdatedAt).toEqual(expect.any(String));
    expect((await put(director, availability(other.id), { availability: 'full' })).statusCode).toBe(404);
    expect((await put(director, publication(inAgadir.id), { published: false })).statusCode).toBe(403);
    const list = await director.get('/api/directory/publications');
    expect(list.json().items.map((i: { institutionId: string }) => i.institutionId)).toEqual([inAgadir.id]);
    // Availability is one of this institution's public fields: its public page says so at once.
    const page = await server.app.inject({ method: 'GET', url: `/fr/institutions/${inAgadir.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('4 places libres');
  });

  it('another delegation gets 404 for an institution outside its scope, on reads and writes', async () => {
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await inezgane.get(publication(inAgadir.id))).statusCode).toBe(404);
    expect((await put(inezgane, publication(inAgadir.id), { published: false })).statusCode).toBe(404);
    expect((await put(inezgane, availability(inAgadir.id), { availability: 'full' })).statusCode).toBe(404);
    expect((await inezgane.get(`/api/history/publication/${inAgadir.id}`)).statusCode).toBe(404);
    const list = await inezgane.get('/api/directory/publications?limit=200');
    expect(list.json().items.map((i: { institutionId: string }) => i.institutionId)).not.toContain(inAgadir.id);
  });
});

describe('the staff list', () => {
  it('filters by publication, availability and name in either script, with keyset paging', async () => {
    const named = await createInstitution(server, { province: '09.001', nameFr: 'Centre Zitoun Liste', nameAr: 'مركز الزيتون للائحة' });
    await put(delegate, publication(named.id), { published: true });
    const published = await delegate.get('/api/directory/publications?published=yes&limit=200');
    const ids = published.json().items.map((i: { institutionId: string }) => i.institutionId);
    expect(ids).toEqual(expect.arrayContaining([inAgadir.id, named.id]));
    expect(ids).not.toContain(other.id);
    expect((await delegate.get('/api/directory/publications?published=no&limit=200')).json().items.map((i: { institutionId: string }) => i.institutionId)).toContain(other.id);
    expect((await delegate.get('/api/directory/publications?availability=limited')).json().items.map((i: { institutionId: string }) => i.institutionId)).toEqual([inAgadir.id]);
    for (const q of ['zitoun liste', 'الزيتون']) {
      const found = await delegate.get(`/api/directory/publications?q=${encodeURIComponent(q)}`);
      expect(found.json().items.map((i: { institutionId: string }) => i.institutionId)).toEqual([named.id]);
    }

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const answer = await delegate.get(`/api/directory/publications?limit=2${after ? `&after=${after}` : ''}`);
      expect(answer.statusCode).toBe(200);
      seen.push(...answer.json().items.map((i: { institutionId: string }) => i.institutionId));
      after = answer.json().nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([inAgadir.id, named.id, other.id]));
    expect((await delegate.get('/api/directory/publications?after=garbage')).statusCode).toBe(400);
    expect((await delegate.get('/api/directory/publications?published=maybe')).statusCode).toBe(400);
  });

  it('exports the filtered list as a spreadsheet', async () => {
    const answer = await delegate.get('/api/directory/publications/export.xlsx?published=yes&lang=fr');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    expect(answer.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('with the default refresh interval', () => {
  it('moves the version counter and shows the edit on the next public request', async () => {
    const defaults = await startTestServer();
    try {
      const delegateHere = await signedIn(defaults, { role: 'provincial_delegate', scope: '09.001' });
      const institution = await createInstitution(defaults, { province: '09.001', nameFr: 'Dar Taliba Intervalle' });
      // The public copy is loaded first, so only the write's refresh can make the page appear.
      expect((await defaults.app.inject({ method: 'GET', url: `/fr/institutions/${institution.id}` })).statusCode).toBe(404);
      const version = async () => BigInt((await defaults.owner<{ v: string }>('SELECT directory.current_version()::text AS v'))[0]!.v);
      const before = await version();
      expect((await put(delegateHere, publication(institution.id), { published: true })).statusCode).toBe(200);
      expect(await version()).toBeGreaterThan(before);
      const page = await defaults.app.inject({ method: 'GET', url: `/fr/institutions/${institution.id}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Dar Taliba Intervalle');
    } finally {
      await defaults.close();
    }
  });
});
