import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../../access/index.ts';
import { seedDemo } from '../../../../server/demo.ts';
import { login, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { legalCategories, legalForms } from '../../contract/enums.ts';
import { ribIsValid } from '../../contract/values.ts';
import { seedDemoRegistry } from './seed.ts';

const PASSWORD = 'demo-password-2';
let server: TestServer;
let app: pg.Client;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ownerUrl, PASSWORD);
  app = new pg.Client({ connectionString: server.appUrl });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await server.close();
});

/** Runs a query as the application role in a user's scope (as a request does), then rolls back. */
async function asUser<T extends pg.QueryResultRow>(username: string, sql: string): Promise<T[]> {
  const [u] = await server.owner<{ id: string; role: string; scope_level: string; region_id: string | null; delegation_id: string | null; association_id: string | null; institution_id: string | null }>(
    'SELECT id, role, scope_level, region_id, delegation_id, association_id, institution_id FROM access.users WHERE username = $1', [username]);
  await app.query('BEGIN');
  try {
    await app.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true), set_config('app.scope_level', $3, true),
              set_config('app.region_id', coalesce($4, ''), true), set_config('app.delegation_id', coalesce($5, ''), true),
              set_config('app.association_id', coalesce($6, ''), true), set_config('app.institution_id', coalesce($7, ''), true)`,
      [u!.id, u!.role, u!.scope_level, u!.region_id, u!.delegation_id, u!.association_id, u!.institution_id]);
    return (await app.query<T>(sql)).rows;
  } finally {
    await app.query('ROLLBACK');
  }
}

const tableCounts = () => server.owner<{ n: string }>(
  `SELECT concat_ws('/', (SELECT count(*) FROM territory.communes), (SELECT count(*) FROM registry.associations),
     (SELECT count(*) FROM registry.board_members), (SELECT count(*) FROM registry.institutions), (SELECT count(*) FROM registry.rooms),
     (SELECT count(*) FROM registry.institution_services), (SELECT count(*) FROM registry.committee_members)) AS n`);

describe('demo registry', () => {
  it('has at least 60 institutions of all 8 legal categories and many centre types, in both demo delegations and both demo regions', async () => {
    const [totals] = await server.owner<{ institutions: number; categories: string[]; centre_types: string[]; regions: number }>(
      `SELECT count(*)::int AS institutions, array_agg(DISTINCT legal_category) FILTER (WHERE legal_category IS NOT NULL) AS categories,
         array_agg(DISTINCT centre_type) AS centre_types, count(DISTINCT region_id)::int AS regions
       FROM registry.institutions`);
    expect(totals!.institutions).toBeGreaterThanOrEqual(60);
    expect([...totals!.categories].sort()).toEqual([...legalCategories].sort());
    expect(totals!.centre_types.length).toBeGreaterThanOrEqual(12);
    expect(totals!.regions).toBe(12);
    const perScope = await server.owner<{ code: string; n: number; student_homes: number }>(
      `SELECT d.code, count(*)::int AS n, count(*) FILTER (WHERE i.centre_type = 'student_home')::int AS student_homes
       FROM registry.institutions i JOIN organisation.delegations d ON d.id = i.delegation_id GROUP BY d.code`);
    const of = (code: string) => perScope.find((r) => r.code === code);
    expect(of('09.001')!.n).toBeGreaterThanOrEqual(12);
    expect(of('09.273')!.n).toBeGreaterThanOrEqual(12);
    for (const code of ['09.163', '09.541', '09.581', '09.551', '03.231', '03.061', '03.271', '03.451', '03.561']) expect(of(code)?.n).toBeGreaterThan(0);
    // Student homes (Dar Talib / Dar Taliba) are the most common, as in reality.
    const studentHomes = perScope.reduce((sum, r) => sum + r.student_homes, 0);
    expect(studentHomes / totals!.institutions).toBeGreaterThan(0.4);
  });

  it('has founders of every legal form with valid RIBs, receipts, boards with current and expired mandates', async () => {
    const founders = await server.owner<{ legal_form: string; rib: string; receipt_number: string | null; public_utility: boolean; board: number; expired: boolean | null }>(
      `SELECT a.legal_form, a.rib, a.receipt_number, a.public_utility, count(b.id)::int AS board, bool_and(b.mandate_end < current_date) AS expired
       FROM registry.associations a LEFT JOIN registry.board_members b ON b.association_id = a.id GROUP BY a.id`);
    expect(founders.length).toBeGreaterThanOrEqual(35);
    expect(new Set(founders.map((f) => f.legal_form))).toEqual(new Set(legalForms));
    expect(founders.filter((f) => f.legal_form === 'association').length / founders.length).toBeGreaterThan(0.8);
    expect(founders.filter((f) => f.legal_form === 'natural_person')).toHaveLength(1);
    expect(founders.every((f) => ribIsValid(f.rib))).toBe(true);
    const associations = founders.filter((f) => f.legal_form === 'association');
    expect(associations.every((f) => f.receipt_number && f.board === 5)).toBe(true);
    expect(associations.some((f) => f.expired)).toBe(true);
    expect(associations.some((f) => f.expired === false)).toBe(true);
    expect(founders.filter((f) => f.public_utility).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the details consistent: rooms add up to the capacity per sex, services, committees, paid only for elderly and disability', async () => {
    const rows = await server.owner<{ name_fr: string; sex_served: string; capacity_male: number; capacity_female: number; fee_mode: string;
      legal_category: string | null; boys: number; girls: number; mixed: number; services: number; committee: number; area: string; commune_kind: string;
      endorsed: boolean; director: boolean }>(
      `SELECT i.name_fr, i.sex_served, i.capacity_male, i.capacity_female, i.fee_mode, i.legal_category, i.area, c.kind AS commune_kind,
         (SELECT coalesce(sum(places) FILTER (WHERE sex = 'boys'), 0)::int FROM registry.rooms r WHERE r.institution_id = i.id) AS boys,
         (SELECT coalesce(sum(places) FILTER (WHERE sex = 'girls'), 0)::int FROM registry.rooms r WHERE r.institution_id = i.id) AS girls,
         (SELECT coalesce(sum(places) FILTER (WHERE sex = 'mixed'), 0)::int FROM registry.rooms r WHERE r.institution_id = i.id) AS mixed,
         (SELECT count(*)::int FROM registry.institution_services s WHERE s.institution_id = i.id) AS services,
         (SELECT count(*)::int FROM registry.committee_members m WHERE m.institution_id = i.id) AS committee,
         i.director_endorsed_on IS NOT NULL AS endorsed, i.director_name_fr IS NOT NULL AS director
       FROM registry.institutions i JOIN territory.communes c ON c.id = i.commune_id`);
    for (const r of rows) {
      if (r.sex_served === 'mixed' && r.mixed === 0) expect([r.boys, r.girls], r.name_fr).toEqual([r.capacity_male, r.capacity_female]);
      else expect(r.boys + r.girls + r.mixed, r.name_fr).toBe(r.capacity_male + r.capacity_female);
      expect(r.services, r.name_fr).toBeGreaterThan(0);
      expect(r.area).toBe(r.commune_kind);
      if (r.legal_category) expect(r.committee, r.name_fr).toBeGreaterThanOrEqual(4);
    }
    const paid = rows.filter((r) => r.fee_mode === 'paid');
    expect(paid.length).toBeGreaterThanOrEqual(3);
    expect(paid.every((r) => r.legal_category === 'elderly' || r.legal_category === 'disability')).toBe(true);
    expect(rows.some((r) => r.endorsed) && rows.some((r) => r.director && !r.endorsed) && rows.some((r) => !r.director)).toBe(true);
    expect(rows.find((r) => r.name_fr === 'Dar Taliba Aït Melloul')).toMatchObject({ sex_served: 'girls', capacity_male: 0 });
  });

  it('is seeded once: a second run adds nothing', async () => {
    const before = await tableCounts();
    await seedDemo(server.ownerUrl, PASSWORD);
    expect(await tableCounts()).toEqual(before);
  });

  it('gives the association officer its association only and the director their institution only', async () => {
    const officer = await login(server, 'inezgane-association', PASSWORD);
    expect((await officer.get('/api/me')).statusCode).toBe(200);
    const own = await asUser<{ name_fr: string }>('inezgane-association', 'SELECT name_fr FROM registry.institutions ORDER BY name_fr');
    expect(own.map((r) => r.name_fr)).toEqual(['Dar Talib Aït Melloul', 'Dar Taliba Aït Melloul']);
    const director = await login(server, 'agadir-director', PASSWORD);
    expect((await director.get('/api/me')).statusCode).toBe(200);
    const theirs = await asUser<{ name_fr: string; code: string }>('agadir-director',
      'SELECT i.name_fr, d.code FROM registry.institutions i JOIN organisation.delegations d ON d.id = i.delegation_id');
    expect(theirs).toEqual([{ name_fr: 'Dar Taliba Agadir', code: '09.001' }]);
    const inezgane = await asUser<{ n: number }>('inezgane', 'SELECT count(*)::int AS n FROM registry.institutions');
    const [all] = await server.owner<{ n: number }>(`SELECT count(*)::int AS n FROM registry.institutions i JOIN organisation.delegations d ON d.id = i.delegation_id WHERE d.code = '09.273'`);
    expect(inezgane[0]!.n).toBe(all!.n);
  });
});

describe('demo registry on its own', () => {
  it('writes no licensing state: every institution stays pending until the licensing demo moves it', async () => {
    const own = await startTestServer();
    const client = new pg.Client({ connectionString: own.ownerUrl });
    await client.connect();
    try {
      await seedDemoAccounts(client, PASSWORD);
      const first = await seedDemoRegistry(client);
      expect(first).toEqual({ communes: 49, founders: 46, institutions: 88, accounts: 2 });
      expect(await seedDemoRegistry(client)).toEqual({ communes: 0, founders: 0, institutions: 0, accounts: 0 });
      const rows = await own.owner<{ status: string; licence_number: string | null }>('SELECT DISTINCT status, licence_number FROM registry.institutions');
      expect(rows).toEqual([{ status: 'pending', licence_number: null }]);
    } finally {
      await client.end();
      await own.close();
    }
  });
});
