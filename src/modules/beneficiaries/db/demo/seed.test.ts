/**
 * The beneficiaries demo, loaded by the real demo loader (seedDemo, one transaction as the owner,
 * every trigger on): what the README promises a demo user is there, it respects the database's
 * rules (capacity by sex, one open admission per person, numbers filled), and each demo account
 * sees its own scope only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../server/demo.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { caseStages } from '../../contract/enums.ts';
import { seedDemoBeneficiaries } from './seed.ts';

let server: TestServer;
let as: SqlAs;
const user = async (username: string) => (await server.owner<{ id: string }>('SELECT id FROM access.users WHERE username = $1', [username]))[0]!.id;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ownerUrl, 'demo-password-6');
  as = await sqlAs(server);
}, 120_000);
afterAll(async () => {
  await as.end();
  await server.close();
});

describe('beneficiaries demo data', () => {
  it('has several hundred persons, mostly in Agadir and Inezgane, some elsewhere, named in both scripts', async () => {
    const rows = await server.owner<{ code: string; n: number }>(
      `SELECT d.code, count(*)::int AS n FROM beneficiaries.persons p JOIN organisation.delegations d ON d.id = p.delegation_id GROUP BY d.code`);
    const by = Object.fromEntries(rows.map((r) => [r.code, r.n]));
    const total = rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(by['09.001']! + by['09.273']!).toBeGreaterThan(total * 0.7);
    expect(Object.keys(by).length).toBeGreaterThanOrEqual(4);
    const [names] = await server.owner<{ both: number; arabic_only: number; latin_only: number }>(
      `SELECT count(*) FILTER (WHERE first_name_ar IS NOT NULL AND first_name_lat IS NOT NULL)::int AS both,
              count(*) FILTER (WHERE first_name_lat IS NULL)::int AS arabic_only, count(*) FILTER (WHERE first_name_ar IS NULL)::int AS latin_only
       FROM beneficiaries.persons`);
    expect(names!.both).toBeGreaterThan(total * 0.9);
    expect(names!.arabic_only).toBeGreaterThan(0);
    expect(names!.latin_only).toBeGreaterThan(0);
  });

  it('has case files in every stage, numbered by the triggers, with their reception requests', async () => {
    const stages = await server.owner<{ stage: string; n: number }>('SELECT stage, count(*)::int AS n FROM beneficiaries.cases GROUP BY stage');
    expect(stages.map((s) => s.stage).sort()).toEqual([...caseStages].sort());
    const [numbers] = await server.owner<{ bad_cases: number; bad_requests: number; unlinked: number }>(
      `SELECT (SELECT count(*) FROM beneficiaries.cases WHERE number !~ '^C-[0-9]{5}-[0-9]{4}-[0-9]{5}$')::int AS bad_cases,
              (SELECT count(*) FROM beneficiaries.requests WHERE number !~ '^R-[0-9]{5}-[0-9]{4}-[0-9]{5}$')::int AS bad_requests,
              (SELECT count(*) FROM beneficiaries.cases c WHERE NOT EXISTS (SELECT 1 FROM beneficiaries.requests r WHERE r.case_id = c.id))::int AS unlinked`);
    expect(numbers).toEqual({ bad_cases: 0, bad_requests: 0, unlinked: 0 });
    const [closed] = await server.owner<{ n: number; bad: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE closed_on IS NULL OR close_reason IS NULL)::int AS bad FROM beneficiaries.cases WHERE stage = 'closed'`);
    expect(closed!.n).toBeGreaterThan(0);
    expect(closed!.bad).toBe(0);
  });

  it('fills the registers within capacity by sex, exits included, with registration numbers per institution and year', async () => {
    const over = await server.owner<{ name_fr: string }>(
      `SELECT i.name_fr FROM registry.institutions i
       JOIN beneficiaries.admissions a ON a.institution_id = i.id AND a.exit_date IS NULL JOIN beneficiaries.persons p ON p.id = a.person_id
       GROUP BY i.id HAVING count(*) FILTER (WHERE p.sex = 'male') > i.capacity_male OR count(*) FILTER (WHERE p.sex = 'female') > i.capacity_female`);
    expect(over).toEqual([]);
    const [register] = await server.owner<{ open: number; exited: number; bad_numbers: number; boys_in_dar_taliba: number; young_in_elderly: number }>(
      `SELECT count(*) FILTER (WHERE a.exit_date IS NULL)::int AS open, count(*) FILTER (WHERE a.exit_date IS NOT NULL)::int AS exited,
         count(*) FILTER (WHERE a.registration_number !~ ('^' || a.registration_year || '/[0-9]{4}$'))::int AS bad_numbers,
         count(*) FILTER (WHERE i.sex_served = 'girls' AND p.sex = 'male')::int AS boys_in_dar_taliba,
         count(*) FILTER (WHERE i.legal_category = 'elderly' AND age(a.admission_date, p.birth_date) < interval '60 years')::int AS young_in_elderly
       FROM beneficiaries.admissions a JOIN registry.institutions i ON i.id = a.institution_id JOIN beneficiaries.persons p ON p.id = a.person_id`);
    expect(register!.open).toBeGreaterThan(150);
    expect(register!.exited).toBeGreaterThan(40);
    expect(register).toMatchObject({ bad_numbers: 0, boys_in_dar_taliba: 0, young_in_elderly: 0 });
    const [darTaliba] = await server.owner<{ open: number; school_years: number }>(
      `SELECT count(*) FILTER (WHERE a.exit_date IS NULL)::int AS open, count(*) FILTER (WHERE a.school_year IS NULL)::int AS school_years
       FROM beneficiaries.admissions a JOIN registry.institutions i ON i.id = a.institution_id WHERE i.name_fr = 'Dar Taliba Agadir'`);
    expect(darTaliba!.open).toBeGreaterThan(20);
    expect(darTaliba!.school_years).toBe(0);
    const referrals = await server.owner<{ state: string }>('SELECT DISTINCT state FROM beneficiaries.referrals');
    expect(referrals.map((r) => r.state).sort()).toEqual(['accepted', 'completed', 'declined', 'proposed']);
  });

  it('fills the queues: new, assigned to agadir-social, public requests (one under review), an institution queue', async () => {
    const social = await user('agadir-social');
    const [queues] = await server.owner<{ new_agadir: number; assigned: number; public: number; review: number; institution: number; inezgane: number }>(
      `SELECT count(*) FILTER (WHERE d.code = '09.001' AND r.status = 'new' AND r.institution_id IS NULL)::int AS new_agadir,
         count(*) FILTER (WHERE r.assigned_to = $1 AND r.status IN ('assigned', 'in_progress'))::int AS assigned,
         count(*) FILTER (WHERE r.channel = 'public_request' AND r.person_id IS NULL)::int AS public,
         count(*) FILTER (WHERE r.status = 'review')::int AS review,
         count(*) FILTER (WHERE r.institution_id IS NOT NULL AND r.status = 'new')::int AS institution,
         count(*) FILTER (WHERE d.code = '09.273' AND r.status = 'new')::int AS inezgane
       FROM beneficiaries.requests r JOIN organisation.delegations d ON d.id = r.delegation_id`, [social]);
    expect(queues!.new_agadir).toBeGreaterThanOrEqual(10);
    expect(queues!.assigned).toBeGreaterThanOrEqual(5);
    expect(queues!.public).toBeGreaterThanOrEqual(3);
    expect(queues!.review).toBe(1);
    expect(queues!.institution).toBeGreaterThanOrEqual(3);
    expect(queues!.inezgane).toBeGreaterThanOrEqual(5);
  });

  it('has near-duplicates written differently in both scripts, across delegations, and a CNIE twin', async () => {
    // Same sex and birth year, same folded Arabic family name up to hamza/ta marbuta, or same Latin family name, different records.
    const [pairs] = await server.owner<{ across: number; spelled_differently: number }>(
      `SELECT count(*) FILTER (WHERE a.delegation_id <> b.delegation_id)::int AS across,
              count(*) FILTER (WHERE a.name_key_ar IS DISTINCT FROM b.name_key_ar OR a.name_key_lat IS DISTINCT FROM b.name_key_lat)::int AS spelled_differently
       FROM beneficiaries.persons a JOIN beneficiaries.persons b ON a.id < b.id AND a.sex = b.sex
         AND extract(year FROM a.birth_date) = extract(year FROM b.birth_date) AND a.phone = b.phone`);
    expect(pairs!.across).toBeGreaterThanOrEqual(3);
    expect(pairs!.spelled_differently).toBeGreaterThanOrEqual(8);
    const twins = await server.owner<{ code: string; cnie: string | null; name_key_ar: string }>(
      `SELECT d.code, p.cnie, p.name_key_ar FROM beneficiaries.persons p JOIN organisation.delegations d ON d.id = p.delegation_id
       WHERE p.birth_date = '1986-03-17' AND p.last_name_lat LIKE 'Oub%' ORDER BY d.code`);
    expect(twins.map((t) => [t.code, t.cnie])).toEqual([['09.001', null], ['09.273', 'JB478213']]);
  });

  it('has a few sensitive records, visible to the social worker of Agadir and hidden from the delegate and from Inezgane', async () => {
    const [sensitive] = await server.owner<{ health: number; disabilities: number; protection: number }>(
      `SELECT (SELECT count(*) FROM beneficiaries.health_records)::int AS health, (SELECT count(*) FROM beneficiaries.disabilities)::int AS disabilities,
              (SELECT count(*) FROM beneficiaries.protection_records)::int AS protection`);
    expect(sensitive!.health).toBeGreaterThan(5);
    expect(sensitive!.disabilities).toBeGreaterThan(5);
    expect(sensitive!.protection).toBeGreaterThan(5);
    const count = 'SELECT count(*)::int AS n FROM beneficiaries.disabilities';
    const [social] = await as.query<{ n: number }>(await user('agadir-social'), count);
    const [delegate] = await as.query<{ n: number }>(await user('agadir'), count);
    expect(social!.n).toBeGreaterThan(0);
    expect(social!.n).toBeLessThan(sensitive!.disabilities);
    expect(delegate!.n).toBe(0);
  });

  it('shows each delegation its own persons only', async () => {
    const [agadir] = await as.query<{ own: number; inezgane: number }>(await user('agadir'),
      `SELECT count(*) FILTER (WHERE d.code = '09.001')::int AS own, count(*) FILTER (WHERE d.code = '09.273')::int AS inezgane
       FROM beneficiaries.persons p JOIN organisation.delegations d ON d.id = p.delegation_id`);
    expect(agadir!.own).toBeGreaterThan(100);
    expect(agadir!.inezgane).toBe(0);
    const [director] = await as.query<{ n: number }>(await user('agadir-director'),
      `SELECT count(*)::int AS n FROM beneficiaries.admissions`);
    expect(director!.n).toBeGreaterThan(20);
  });

  it('does nothing on a second run', async () => {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: server.ownerUrl });
    await client.connect();
    try {
      expect(await seedDemoBeneficiaries(client)).toEqual({ persons: 0, cases: 0, requests: 0, referrals: 0, admissions: 0 });
    } finally {
      await client.end();
    }
  });
});
