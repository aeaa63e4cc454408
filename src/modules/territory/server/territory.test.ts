import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('territory reference data', () => {
  it('has the 12 regions and 75 prefectures and provinces, each covered by one delegation', async () => {
    const user = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const regions = (await user.get('/api/territory/regions')).json().items;
    expect(regions).toHaveLength(12);
    expect(regions.reduce((n: number, r: { provinceCount: number }) => n + r.provinceCount, 0)).toBe(75);
    const souss = regions.find((r: { code: string }) => r.code === '09');
    expect(souss).toMatchObject({ nameFr: 'Souss-Massa', nameAr: 'جهة سوس-ماسة', isoCode: 'MA-09' });
    const provinces = (await user.get('/api/territory/provinces')).json().items;
    expect(provinces).toHaveLength(75);
    expect(provinces.every((p: { delegationId: string | null }) => p.delegationId)).toBe(true);
  });

  it('shows a region with its coordination, provinces and delegations', async () => {
    const user = await signedIn(server, { role: 'central_analyst' });
    const souss = await idOf(server, 'territory.regions', '09');
    const detail = (await user.get(`/api/territory/regions/${souss}`)).json();
    expect(detail.coordinationNameFr).toContain('Souss-Massa');
    expect(detail.provinces.map((p: { code: string }) => p.code)).toContain('09.273');
    expect(detail.delegations).toHaveLength(detail.provinces.length);
    expect((await user.get('/api/territory/regions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('pages delegations by keyset and filters them by region and name', async () => {
    const user = await signedIn(server, { role: 'central_analyst' });
    const first = (await user.get('/api/organisation/delegations?limit=50')).json();
    const second = (await user.get(`/api/organisation/delegations?limit=50&after=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(50);
    expect(second.items).toHaveLength(25);
    expect(second.nextCursor).toBeNull();
    const souss = await idOf(server, 'territory.regions', '09');
    const inRegion = (await user.get(`/api/organisation/delegations?region=${souss}`)).json().items;
    expect(inRegion.every((d: { regionId: string }) => d.regionId === souss)).toBe(true);
    const found = (await user.get('/api/organisation/delegations?q=Inezgane')).json().items;
    expect(found.map((d: { code: string }) => d.code)).toEqual(['09.273']);
  });
});

describe('editing delegations', () => {
  it('a region merges two of its provinces into one delegation; a province cannot be left uncovered', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const agadirProvince = await idOf(server, 'territory.provinces', '09.001');
    const chtouka = await idOf(server, 'territory.provinces', '09.163');
    const merged = await coordinator.patch(`/api/organisation/delegations/${agadir}`, { provinceIds: [agadirProvince, chtouka] });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().provinces.map((p: { id: string }) => p.id).sort()).toEqual([agadirProvince, chtouka].sort());
    const dropped = await coordinator.patch(`/api/organisation/delegations/${agadir}`, { provinceIds: [chtouka] });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().errors[0].path).toBe('provinceIds');
  });

  it('a delegation of another region answers 404 to an update, and is left unchanged', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '03' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const r = await coordinator.patch(`/api/organisation/delegations/${agadir}`, { nameFr: 'Hijacked' });
    expect(r.statusCode).toBe(404);
    const [row] = await server.owner<{ name_fr: string }>('SELECT name_fr FROM organisation.delegations WHERE id = $1', [agadir]);
    expect(row!.name_fr).not.toBe('Hijacked');
  });

  it('needs organisation.manage', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    expect((await delegate.patch(`/api/organisation/delegations/${agadir}`, { nameFr: 'x' })).statusCode).toBe(403);
  });
});

describe('reference data loading', () => {
  it('is idempotent and keeps the organisation as edited', async () => {
    const { migrate } = await import('../../../server/db/migrate.ts');
    const { loadTerritory } = await import('../index.ts');
    const before = await server.owner<{ n: string }>('SELECT count(*) AS n FROM audit.log');
    await server.owner(`UPDATE organisation.delegations SET name_fr = 'Edited by the region' WHERE code = '09.273'`);
    await migrate(server.ownerUrl, [loadTerritory]);
    const [edited] = await server.owner<{ name_fr: string }>(`SELECT name_fr FROM organisation.delegations WHERE code = '09.273'`);
    expect(edited!.name_fr).toBe('Edited by the region');
    const after = await server.owner<{ n: string }>('SELECT count(*) AS n FROM audit.log');
    // only the edit above was written: reloading the same reference data writes nothing
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    const [counts] = await server.owner<{ regions: string; provinces: string }>(
      'SELECT (SELECT count(*) FROM territory.regions) AS regions, (SELECT count(*) FROM territory.provinces) AS provinces');
    expect(counts).toEqual({ regions: '12', provinces: '75' });
  });
});
