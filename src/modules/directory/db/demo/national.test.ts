import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { generateNationalRegistry, type NationalRegistry } from '../../../registry/db/demo/index.ts';
import { publishNationalDirectory } from './national.ts';

// A small national registry: the benchmark publishes 5,000 the same way.
let server: TestServer;
let generated: NationalRegistry;
let written: number;
let writtenAgain: number;

beforeAll(async () => {
  server = await startTestServer();
  const client = new pg.Client({ connectionString: server.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    generated = await generateNationalRegistry(client, { institutions: 120, associations: 60 });
    const ids = generated.institutions.map((i) => i.id);
    written = await publishNationalDirectory(client, ids);
    writtenAgain = await publishNationalDirectory(client, ids);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}, 120_000);
afterAll(() => server.close());

describe('publishNationalDirectory', () => {
  it('publishes every given institution once, audited, and leaves existing publications alone', async () => {
    const ids = generated.institutions.map((i) => i.id);
    expect(written).toBe(120);
    expect(writtenAgain).toBe(0);
    const [counts] = await server.owner<{ published: number; audited: number }>(
      `SELECT (SELECT count(*)::int FROM directory.publications WHERE institution_id = ANY($1) AND published AND published_at <= now()) AS published,
              (SELECT count(*)::int FROM audit.log WHERE table_name = 'directory.publications' AND action = 'insert'
                 AND institution_id = ANY($1)) AS audited`, [ids]);
    expect(counts).toEqual({ published: 120, audited: 120 });
  });

  it('shows the operating ones publicly with position, hours in both languages and, for some, availability', async () => {
    const ids = generated.institutions.map((i) => i.id);
    const [listed] = await server.owner<{ shown: number; operating: number; placed: number; hours: number; with_availability: number; bad_places: number }>(
      `SELECT count(*)::int AS shown,
              (SELECT count(*)::int FROM registry.institutions WHERE id = ANY($1) AND status IN ('pending', 'authorised', 'closing')) AS operating,
              count(*) FILTER (WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL)::int AS placed,
              count(*) FILTER (WHERE l.opening_hours_ar IS NOT NULL AND l.opening_hours_fr IS NOT NULL)::int AS hours,
              count(*) FILTER (WHERE l.availability IS NOT NULL)::int AS with_availability,
              count(*) FILTER (WHERE (l.availability = 'full') <> (l.places_available = 0))::int AS bad_places
       FROM directory.public_listings() l WHERE l.id = ANY($1)`, [ids]);
    expect(listed!.shown).toBe(listed!.operating);
    expect(listed!.shown).toBeGreaterThan(90);
    expect(listed!.placed).toBe(listed!.shown);
    expect(listed!.hours).toBe(listed!.shown);
    expect(listed!.with_availability).toBeGreaterThan(listed!.shown * 0.2);
    expect(listed!.with_availability).toBeLessThan(listed!.shown * 0.6);
    expect(listed!.bad_places).toBe(0);
  });
});
