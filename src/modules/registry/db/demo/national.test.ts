import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { institutionStatuses, legalCategories, legalForms } from '../../contract/enums.ts';
import { ribIsValid } from '../../contract/values.ts';
import { apportion, generateNationalRegistry, institutionsPerRegion, type NationalRegistry } from './national.ts';
import { contains, loadProvinceShapes } from './provinces-geometry.ts';

// The benchmark's scale, on top of the demo data (as `npm run bench -- --scale national` does).
const INSTITUTIONS = 5_000;
const ASSOCIATIONS = 3_000;
let server: TestServer;
let generated: NationalRegistry;
let seconds: number;

beforeAll(async () => {
  // The demo, seeded once per run (demo-template.ts), under the generated registry.
  server = await startTestServer({}, { demo: true });
  const client = new pg.Client({ connectionString: server.ownerUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    generated = await generateNationalRegistry(client, { institutions: INSTITUTIONS, associations: ASSOCIATIONS });
    await client.query('COMMIT');
    seconds = (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}, 240_000);
afterAll(() => server.close());

describe('generated national registry', () => {
  it('has the asked counts, spread over every province and region as the national count of institutions', async () => {
    expect(generated.institutions).toHaveLength(INSTITUTIONS);
    expect(generated.associationIds).toHaveLength(ASSOCIATIONS);
    const ids = generated.institutions.map((i) => i.id);
    const perRegion = await server.owner<{ code: string; n: number }>(
      `SELECT r.code, count(*)::int AS n FROM registry.institutions i JOIN territory.regions r ON r.id = i.region_id
       WHERE i.id = ANY($1) GROUP BY r.code ORDER BY r.code`, [ids]);
    const codes = Object.keys(institutionsPerRegion).sort();
    const expected = apportion(INSTITUTIONS, codes.map((c) => institutionsPerRegion[c]!));
    expect(perRegion).toEqual(codes.map((code, k) => ({ code, n: expected[k] })));
    const [provinces] = await server.owner<{ with_institutions: number; with_communes: number; founders: number }>(
      `SELECT (SELECT count(DISTINCT province_id)::int FROM registry.institutions WHERE id = ANY($1)) AS with_institutions,
              (SELECT count(DISTINCT province_id)::int FROM territory.communes WHERE id = ANY($2)) AS with_communes,
              (SELECT count(*)::int FROM registry.associations WHERE id = ANY($3)) AS founders`,
      [ids, generated.communeIds, generated.associationIds]);
    expect(provinces).toEqual({ with_institutions: 75, with_communes: 75, founders: ASSOCIATIONS });
    console.log(`[national registry] ${INSTITUTIONS} institutions and ${ASSOCIATIONS} founders generated in ${seconds.toFixed(1)} s`);
  });

  it('covers every category, centre type, status and legal form, with student homes the most common kind', async () => {
    const [mix] = await server.owner<{ categories: string[]; centre_types: number; statuses: string[]; forms: string[]; dar_talib: number; paid_ok: boolean }>(
      `SELECT array_agg(DISTINCT legal_category) FILTER (WHERE legal_category IS NOT NULL) AS categories,
         count(DISTINCT centre_type)::int AS centre_types, array_agg(DISTINCT status) AS statuses,
         (SELECT array_agg(DISTINCT legal_form) FROM registry.associations WHERE id = ANY($2)) AS forms,
         count(*) FILTER (WHERE name_fr LIKE 'Dar Talib %' OR name_fr LIKE 'Dar Taliba %')::int AS dar_talib,
         bool_and(fee_mode = 'free' OR legal_category IN ('elderly', 'disability')) AS paid_ok
       FROM registry.institutions WHERE id = ANY($1)`, [generated.institutions.map((i) => i.id), generated.associationIds]);
    expect([...mix!.categories].sort()).toEqual([...legalCategories].sort());
    expect(mix!.centre_types).toBe(13);
    expect([...mix!.statuses].sort()).toEqual([...institutionStatuses].sort());
    expect([...mix!.forms].sort()).toEqual([...legalForms].sort());
    expect(mix!.dar_talib / INSTITUTIONS).toBeGreaterThan(0.5);
    expect(mix!.paid_ok).toBe(true);
    // Names repeat across communes as on real lists: many institutions share "Dar Talib Sidi Bouzid".
    const [repeats] = await server.owner<{ max: number }>(
      `SELECT max(n)::int AS max FROM (SELECT count(*) AS n FROM registry.institutions WHERE id = ANY($1) GROUP BY name_fr) x`,
      [generated.institutions.map((i) => i.id)]);
    expect(repeats!.max).toBeGreaterThan(3);
  });

  it('places every institution inside its province, with licences, valid RIBs and rooms adding up to the capacity', async () => {
    const shapes = await loadProvinceShapes();
    const rows = await server.owner<{ iso_code: string; latitude: string; longitude: string; status: string; licence_number: string | null;
      capacity_male: number; capacity_female: number; places: number }>(
      `SELECT p.iso_code, i.latitude, i.longitude, i.status, i.licence_number, i.capacity_male, i.capacity_female,
         (SELECT coalesce(sum(places), 0)::int FROM registry.rooms r WHERE r.institution_id = i.id) AS places
       FROM registry.institutions i JOIN territory.provinces p ON p.id = i.province_id WHERE i.id = ANY($1)`,
      [generated.institutions.map((i) => i.id)]);
    const outside = rows.filter((r) => !contains(shapes.get(r.iso_code)!, Number(r.latitude), Number(r.longitude)));
    expect(outside).toEqual([]);
    expect(rows.filter((r) => r.places !== r.capacity_male + r.capacity_female)).toEqual([]);
    expect(rows.filter((r) => r.status === 'authorised' && !r.licence_number)).toEqual([]);
    expect(rows.filter((r) => r.status === 'pending' && r.licence_number)).toEqual([]);
    const ribs = await server.owner<{ rib: string }>('SELECT rib FROM registry.associations WHERE id = ANY($1)', [generated.associationIds]);
    expect(ribs.filter((r) => !ribIsValid(r.rib))).toEqual([]);
    const [board] = await server.owner<{ expired: number; current: number }>(
      `SELECT count(DISTINCT association_id) FILTER (WHERE mandate_end < current_date)::int AS expired,
              count(DISTINCT association_id) FILTER (WHERE mandate_end >= current_date)::int AS current
       FROM registry.board_members WHERE association_id = ANY($1)`, [generated.associationIds]);
    expect(board!.expired).toBeGreaterThan(ASSOCIATIONS / 10);
    expect(board!.current).toBeGreaterThan(ASSOCIATIONS / 2);
  });

  it('splits totals exactly in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(5_000, Object.values(institutionsPerRegion)).reduce((s, n) => s + n, 0)).toBe(5_000);
  });
});
