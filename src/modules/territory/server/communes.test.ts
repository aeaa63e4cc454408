/** Communes through the API: listed and searched by everyone, written by the covering delegation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('communes', () => {
  it('lets a delegation add a commune of its province, found by folded name in either script', async () => {
    const agadir = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const provinceId = await idOf(server, 'territory.provinces', '09.001');
    const created = await agadir.post('/api/territory/communes', { provinceId, kind: 'rural', nameAr: 'تامري', nameFr: 'Tamri' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ nameFr: 'Tamri', kind: 'rural', provinceId });

    const reader = await signedIn(server, { role: 'social_worker', scope: '09.273' });
    const byLatin = await reader.get(`/api/territory/communes?province=${provinceId}&q=TAMRÍ`);
    expect(byLatin.json().items.map((c: { nameFr: string }) => c.nameFr)).toEqual(['Tamri']);
    const byArabic = await reader.get(`/api/territory/communes?q=${encodeURIComponent('تامري')}`);
    expect(byArabic.json().items).toHaveLength(1);
  });

  it('answers 404 for a province outside the delegation, 409 for a duplicate name, 400 for a bad code', async () => {
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273', language: 'fr' });
    const agadirProvince = await idOf(server, 'territory.provinces', '09.001');
    const ownProvince = await idOf(server, 'territory.provinces', '09.273');
    expect((await inezgane.post('/api/territory/communes', { provinceId: agadirProvince, kind: 'urban', nameAr: 'س', nameFr: 'S' })).statusCode).toBe(404);

    expect((await inezgane.post('/api/territory/communes', { provinceId: ownProvince, kind: 'urban', nameAr: 'الدشيرة', nameFr: 'Dcheira' })).statusCode).toBe(201);
    const duplicate = await inezgane.post('/api/territory/communes', { provinceId: ownProvince, kind: 'urban', nameAr: 'أخرى', nameFr: 'DCHEIRA' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([{ path: 'nameFr', message: 'Une commune porte déjà ce nom dans la même province.' }]);

    const badCode = await inezgane.post('/api/territory/communes', { provinceId: ownProvince, kind: 'urban', nameAr: 'ب', nameFr: 'B', code: '12' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0].path).toBe('code');
  });

  it('pages by name with a cursor', async () => {
    const admin = await signedIn(server, { role: 'system_admin' });
    const provinceId = await idOf(server, 'territory.provinces', '09.551');
    for (const n of ['Akka', 'Foum Zguid', 'Tata', 'Tissint']) {
      expect((await admin.post('/api/territory/communes', { provinceId, kind: 'rural', nameAr: `ج ${n}`, nameFr: n })).statusCode).toBe(201);
    }
    const first = (await admin.get(`/api/territory/communes?province=${provinceId}&limit=3`)).json();
    expect(first.items.map((c: { nameFr: string }) => c.nameFr)).toEqual(['Akka', 'Foum Zguid', 'Tata']);
    const second = (await admin.get(`/api/territory/communes?province=${provinceId}&limit=3&after=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ nameFr: 'Tissint' }], nextCursor: null });
  });
});
