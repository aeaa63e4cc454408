/**
 * The map's API: counts and capacity per ISO 3166-2 code, the list's filters, positions only for
 * points, and the scope (a delegation counts and sees only its own institutions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import type { MapArea, MapAreas, MapPoints } from '../../contract/map.ts';
import { createCommune, createInstitution } from '../../testing/factories.ts';

let server: TestServer;
let admin: Session;
let agadir: Session;
let before: { regions: Map<string, MapArea>; provinces: Map<string, MapArea> };
const placed: string[] = [];

const byIso = (areas: MapAreas) => new Map(areas.items.map((a) => [a.iso ?? a.code, a]));
const regions = async (s: Session, query = '') => byIso((await s.get(`/api/institutions/map/regions${query}`)).json() as MapAreas);
const provinces = async (s: Session, query = '') => byIso((await s.get(`/api/institutions/map/provinces${query}`)).json() as MapAreas);

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, { role: 'system_admin', scope: 'nation' });
  agadir = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
  before = { regions: await regions(admin), provinces: await provinces(admin) };
  const agadirCommune = await createCommune(server, { province: '09.001' });
  const inezganeCommune = await createCommune(server, { province: '09.273' });
  const [fes] = await server.owner<{ code: string }>("SELECT code FROM territory.provinces WHERE iso_code = 'MA-FES'");
  const fesCommune = await createCommune(server, { province: fes!.code });
  const a1 = await createInstitution(server, { communeId: agadirCommune.id, capacityMale: 30, capacityFemale: 20 });
  await createInstitution(server, { communeId: agadirCommune.id, legalCategory: 'elderly', centreType: 'elderly_home', sexServed: 'girls', capacityFemale: 25 });
  const i1 = await createInstitution(server, { communeId: inezganeCommune.id, capacityMale: 10, capacityFemale: 10 });
  await createInstitution(server, { communeId: fesCommune.id, capacityMale: 100, capacityFemale: 0, sexServed: 'boys' });
  // Two with a position (one in each Souss-Massa delegation), the others without.
  await server.owner('UPDATE registry.institutions SET latitude = 30.42, longitude = -9.58 WHERE id = $1', [a1.id]);
  await server.owner('UPDATE registry.institutions SET latitude = 30.35, longitude = -9.53 WHERE id = $1', [i1.id]);
  placed.push(a1.id, i1.id);
});
afterAll(() => server.close());

const delta = (after: Map<string, MapArea>, base: Map<string, MapArea>, key: string) => ({
  count: after.get(key)!.count - (base.get(key)?.count ?? 0),
  capacity: after.get(key)!.capacity - (base.get(key)?.capacity ?? 0),
});

describe('map aggregates', () => {
  it('counts institutions and sums capacity per region and province ISO code, every area listed', async () => {
    const r = await regions(admin);
    expect(r.size).toBe(12);
    expect(delta(r, before.regions, 'MA-09')).toEqual({ count: 3, capacity: 50 + 25 + 20 });
    expect(delta(r, before.regions, 'MA-03')).toEqual({ count: 1, capacity: 100 });
    expect(delta(r, before.regions, 'MA-01')).toEqual({ count: 0, capacity: 0 });
    const p = await provinces(admin);
    expect(p.size).toBe(75);
    expect(delta(p, before.provinces, 'MA-AGD')).toEqual({ count: 2, capacity: 75 });
    expect(delta(p, before.provinces, 'MA-INE')).toEqual({ count: 1, capacity: 20 });
    expect(p.get('MA-AGD')!.regionIso).toBe('MA-09');
  });

  it('applies the filters of the list', async () => {
    const r = await regions(admin, '?category=elderly');
    const base = await regions(admin, '?category=elderly&status=closed');
    expect(r.get('MA-09')!.count).toBeGreaterThanOrEqual(1);
    expect(base.get('MA-09')!.count).toBe(0);
    const souss = await idOf(server, 'territory.regions', '09');
    const p = await provinces(admin, `?region=${souss}`);
    expect([...p.keys()].every((iso) => p.get(iso)!.regionIso === 'MA-09')).toBe(true);
    expect(p.has('MA-FES')).toBe(false);
    const delegation = await idOf(server, 'organisation.delegations', '09.273');
    const onlyInezgane = await provinces(admin, `?delegation=${delegation}`);
    expect(onlyInezgane.get('MA-AGD')!.count).toBe(0);
    expect(onlyInezgane.get('MA-INE')!.count).toBe((before.provinces.get('MA-INE')?.count ?? 0) + 1);
  });

  it('counts for a delegation only its own institutions', async () => {
    const p = await provinces(agadir);
    expect(p.get('MA-INE')!.count).toBe(0);
    expect(p.get('MA-FES')!.count).toBe(0);
    expect(p.get('MA-AGD')!.count).toBeGreaterThanOrEqual(2);
    const r = await regions(agadir);
    expect(r.get('MA-09')!.count).toBe(p.get('MA-AGD')!.count);
    expect(r.get('MA-03')!.count).toBe(0);
  });

  it('refuses a filter that is not one of the vocabulary', async () => {
    expect((await admin.get('/api/institutions/map/regions?category=prison')).statusCode).toBe(400);
    expect((await admin.get('/api/institutions/map/points?province=09.001')).statusCode).toBe(400);
  });
});

describe('map points', () => {
  it('sends only institutions with a position, with names, category and capacity', async () => {
    const points = (await admin.get('/api/institutions/map/points')).json() as MapPoints;
    const ours = points.items.filter((p) => placed.includes(p.id));
    expect(ours).toHaveLength(2);
    expect(ours.find((p) => p.id === placed[0])).toMatchObject({ lat: 30.42, lon: -9.58, capacity: 50, category: 'schooled_children' });
    expect(points.withoutPosition).toBeGreaterThanOrEqual(2);
    expect(points.truncated).toBe(false);
  });

  it('shows a delegation only its own points', async () => {
    const points = (await agadir.get('/api/institutions/map/points')).json() as MapPoints;
    expect(points.items.map((p) => p.id)).toContain(placed[0]);
    expect(points.items.map((p) => p.id)).not.toContain(placed[1]);
  });
});
