/**
 * The same-transaction summary (migration 0137) against its sources, on the benchmark's generator
 * at a small scale: every tranche's row in subsidies.tranche_summary equals what paid_mad(),
 * justified_mad() and the disbursements give when recomputed from scratch, and the dashboard's
 * national totals equal the same sums taken straight from the tranches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { generateNationalRegistry } from '../../../registry/db/demo/index.ts';
import { generateSubsidies } from '../../../../../bench/subsidies.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import type { Dashboard } from './contract.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const client = new pg.Client({ connectionString: server.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await generateNationalRegistry(client, { institutions: 200, associations: 120, communesPerProvince: 2 });
    await generateSubsidies(client, { conventions: 300 });
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}, 180_000);
afterAll(() => server.close());

describe('tranche figures', () => {
  it('equal their sources recomputed from scratch, tranche by tranche', async () => {
    const [check] = await server.owner<{ tranches: number; figures: number; differing: number; paid: number; late: number }>(`
      WITH fresh AS (
        SELECT t.id, t.status <> 'cancelled' AND c.status IN ('approved', 'signed', 'closed') AS counted, subsidies.paid_mad(t.id) AS paid,
               subsidies.justified_mad(t.id) AS justified,
               CASE WHEN subsidies.paid_mad(t.id) >= t.amount_mad THEN (SELECT max(d.paid_on) FROM subsidies.disbursements d WHERE d.tranche_id = t.id) END AS completed
        FROM subsidies.tranches t JOIN subsidies.conventions c ON c.id = t.convention_id)
      SELECT (SELECT count(*) FROM subsidies.tranches)::int AS tranches, (SELECT count(*) FROM subsidies.tranche_summary)::int AS figures,
             count(*) FILTER (WHERE f.counted IS DISTINCT FROM fresh.counted OR f.paid_mad <> fresh.paid OR f.justified_mad <> fresh.justified
                                 OR f.completed_on IS DISTINCT FROM fresh.completed)::int AS differing,
             count(*) FILTER (WHERE fresh.paid > 0)::int AS paid,
             count(*) FILTER (WHERE f.completed_on > f.planned_on OR (f.completed_on IS NULL AND f.planned_on < $1::date))::int AS late
      FROM fresh JOIN subsidies.tranche_summary f ON f.tranche_id = fresh.id`, [todayInMorocco()]);
    expect(check!.tranches).toBe(1200);
    expect(check!.figures).toBe(1200);
    expect(check!.differing).toBe(0);
    // The generator's spread is there: payments and lateness both.
    expect(check!.paid).toBeGreaterThan(300);
    expect(check!.late).toBeGreaterThan(100);
  });

  it('roll up per year, region and delegation to the same sums as the tranches, after every change', async () => {
    const [check] = await server.owner<{ groups: number; differing: number }>(`
      WITH fresh AS (
        SELECT year, region_id, delegation_id, sum(amount_mad) AS committed, coalesce(sum(amount_mad) FILTER (WHERE released), 0) AS released,
               sum(paid_mad) AS paid, sum(justified_mad) AS justified, count(*)::int AS tranches, count(completed_on)::int AS completed,
               count(*) FILTER (WHERE completed_on <= planned_on)::int AS on_time, coalesce(sum(completed_on - planned_on), 0) AS delay_days,
               count(*) FILTER (WHERE completed_on IS NULL)::int AS open
        FROM subsidies.tranche_summary WHERE counted GROUP BY 1, 2, 3)
      SELECT count(*)::int AS groups,
             count(*) FILTER (WHERE r.year IS NULL OR fresh.year IS NULL OR (r.committed_mad, r.released_mad, r.paid_mad, r.justified_mad, r.tranches, r.completed, r.on_time, r.delay_days, r.open)
               IS DISTINCT FROM (fresh.committed, fresh.released, fresh.paid, fresh.justified, fresh.tranches, fresh.completed, fresh.on_time, fresh.delay_days, fresh.open))::int AS differing
      FROM (SELECT * FROM subsidies.dashboard_rollup WHERE tranches > 0) r
      FULL JOIN fresh ON fresh.year = r.year AND fresh.region_id IS NOT DISTINCT FROM r.region_id AND fresh.delegation_id IS NOT DISTINCT FROM r.delegation_id`);
    expect(check!.groups).toBeGreaterThan(20);
    expect(check!.differing).toBe(0);
  });

  it('add up on the dashboard to the sums taken straight from the tranches', async () => {
    const central = await signedIn(server, { role: 'central_analyst' });
    const year = Number(todayInMorocco().slice(0, 4)) - 1;
    const dashboard = (await central.get(`/api/subsidies/dashboard?year=${year}`)).json() as Dashboard;
    const [direct] = await server.owner<{ committed: string; paid: string; justified: string; tranches: number }>(`
      SELECT sum(t.amount_mad)::text AS committed, sum(subsidies.paid_mad(t.id))::text AS paid, sum(subsidies.justified_mad(t.id))::text AS justified, count(*)::int AS tranches
      FROM subsidies.tranches t JOIN subsidies.conventions c ON c.id = t.convention_id
      WHERE t.year = $1 AND t.status <> 'cancelled' AND c.status IN ('approved', 'signed', 'closed')`, [year]);
    expect(dashboard.totals).toMatchObject({ committedMad: direct!.committed, paidMad: direct!.paid, justifiedMad: direct!.justified, tranches: direct!.tranches });
    expect(dashboard.rows.reduce((n, r) => n + r.tranches, 0)).toBe(direct!.tranches);
  });
});
