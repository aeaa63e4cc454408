/**
 * The demo licensing puts each delegation's institutions in the intended stages through the
 * state machine, whatever the list of institutions: checked on institutions made here.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createCommune, createInstitution } from '../../testing/factories.ts';
import { scenarioOf, seedDemoLicensing } from './demo.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('demo licensing', () => {
  it('puts a delegation\'s institutions in every stage, some overdue, and runs once', async () => {
    const commune = await createCommune(server, { province: '09.273' });
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push((await createInstitution(server, { communeId: commune.id, nameFr: `Demo ${String(i).padStart(2, '0')}`, nameAr: `تجربة ${i}` })).id);
    const client = new pg.Client({ connectionString: server.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await seedDemoLicensing(client);
      await client.query('COMMIT');
      await seedDemoLicensing(client); // a second run adds nothing
    } finally {
      await client.end();
    }
    const rows = await server.owner<{ id: string; status: string; stage: string; licence_number: string | null; days_left: number | null; stopped: boolean; steps: string }>(
      `SELECT i.id, i.status, o.stage, i.licence_number, o.days_left, o.clock_stopped_on IS NOT NULL AS stopped,
         (SELECT count(*) FROM registry.licensing_steps s WHERE s.institution_id = i.id)::text AS steps
       FROM registry.institutions i JOIN registry.licensing_overview o ON o.institution_id = i.id
       WHERE i.commune_id = $1 ORDER BY i.name_fr`, [commune.id]);
    expect(rows).toHaveLength(16);
    expect(rows.map((r) => r.stage)).toEqual(ids.map((_, i) => ({ change_overdue: 'authorised', missing_document: 'filed', filed_overdue: 'filed', sent_overdue: 'sent' } as Record<string, string>)[scenarioOf(i)] ?? scenarioOf(i)));
    expect(rows[0]).toMatchObject({ status: 'refused' });
    expect(rows[1]).toMatchObject({ stopped: true, days_left: null });
    expect(rows[2]).toMatchObject({ status: 'suspended' });
    expect(rows[3]!.status).toBe('closing');
    expect(rows[3]!.days_left).toBeGreaterThan(0);
    const authorised = rows.filter((r) => r.status === 'authorised');
    expect(authorised.length).toBeGreaterThanOrEqual(6);
    expect(authorised.every((r) => /^ESPS-09\.273-\d{4}-\d{3}$/.test(r.licence_number ?? ''))).toBe(true);
    expect(rows.filter((r) => r.days_left !== null && r.days_left < 0).length).toBeGreaterThanOrEqual(2);
    const [open] = await server.owner<{ days_left: number }>('SELECT days_left FROM registry.licensing_open_changes WHERE institution_id = $1', [rows[4]!.id]);
    expect(open!.days_left).toBeLessThan(0);
    expect(rows.reduce((n, r) => n + Number(r.steps), 0)).toBeGreaterThan(40);
  });
});
