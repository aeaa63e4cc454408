/**
 * The demo's public directory after the whole demo load: operating institutions public with hours
 * in both languages and a mix of fields and availability, a few deliberately not, none that does
 * not operate; the Agadir delegation's queue holds the public requests; a second run adds nothing.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../server/demo.ts';
import { login, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { seedDemoDirectory } from './seed.ts';

const PASSWORD = 'demo-password-7';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
  await seedDemo(server.ownerUrl, PASSWORD);
});
afterAll(() => server.close());

describe('demo directory', () => {
  it('publishes the operating institutions, leaves a few unpublished and none that does not operate', async () => {
    const rows = await server.owner<{ status: string; published: boolean | null; hours_ar: string | null; hours_fr: string | null; availability: string | null; fields: string[] | null }>(
      `SELECT i.status, p.published, p.opening_hours_ar AS hours_ar, p.opening_hours_fr AS hours_fr, p.availability, p.public_fields AS fields
       FROM registry.institutions i LEFT JOIN directory.publications p ON p.institution_id = i.id`);
    const operating = rows.filter((r) => ['pending', 'authorised', 'closing'].includes(r.status));
    const published = operating.filter((r) => r.published);
    expect(published.length).toBeGreaterThan(40);
    expect(operating.length - published.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => !['pending', 'authorised', 'closing'].includes(r.status) && r.published)).toHaveLength(0);
    expect(published.every((r) => r.hours_ar && r.hours_fr)).toBe(true);
    expect(new Set(published.map((r) => r.availability))).toEqual(new Set(['available', 'limited', 'full', null]));
    expect(new Set(published.map((r) => r.fields!.length)).size).toBeGreaterThanOrEqual(3);
    const [{ n }] = (await server.owner<{ n: number }>('SELECT count(*)::int AS n FROM directory.public_listings()')) as [{ n: number }];
    expect(n).toBe(published.length);
  });

  it('shows the Agadir delegate its institutions, published and not, and the public site shows only the published', async () => {
    const agadir = await login(server, 'agadir', PASSWORD);
    const items: { institutionId: string; published: boolean; visible: boolean; nameFr: string }[] = [];
    let after: string | null = null;
    do {
      const answer = await agadir.get(`/api/directory/publications?limit=100${after ? `&after=${after}` : ''}`);
      expect(answer.statusCode).toBe(200);
      items.push(...answer.json().items);
      after = answer.json().nextCursor;
    } while (after);
    expect(items.filter((i) => i.visible).length).toBeGreaterThan(5);
    expect(items.some((i) => !i.published)).toBe(true);
    const visible = items.find((i) => i.visible)!;
    const page = await server.app.inject({ method: 'GET', url: `/fr/institutions/${visible.institutionId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(visible.nameFr.replace(/'/g, '&#x27;'));
    const hidden = items.find((i) => !i.published)!;
    expect((await server.app.inject({ method: 'GET', url: `/fr/institutions/${hidden.institutionId}` })).statusCode).toBe(404);
  });

  it('has a few public requests waiting in the Agadir queue and one under review', async () => {
    const rows = await server.owner<{ status: string; n: number }>(
      `SELECT r.status, count(*)::int AS n FROM beneficiaries.requests r JOIN organisation.delegations d ON d.id = r.delegation_id
       WHERE d.code = '09.001' AND r.channel = 'public_request' GROUP BY r.status`);
    const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    expect(count('new')).toBeGreaterThanOrEqual(3);
    expect(count('new')).toBeLessThanOrEqual(5);
    expect(count('review')).toBe(1);
  });

  it('adds nothing when run again', async () => {
    const client = new pg.Client({ connectionString: server.ownerUrl });
    await client.connect();
    try {
      expect(await seedDemoDirectory(client)).toEqual({ published: 0, unpublished: 0 });
    } finally {
      await client.end();
    }
  });
});
