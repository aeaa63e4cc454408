/**
 * The subsidies demo (issue 8, item 7), read through the API from a copy of the demo database:
 * tranches on time, late, blocked by an unmet condition, released over it, justified or not, each
 * scope seeing its own; and seeding again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../server/demo.ts';
import { DEMO_PASSWORD as PASSWORD } from '../../../../server/testing/demo-template.ts';
import { login, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Dashboard, LateTranchesPage } from '../../server/dashboard/contract.ts';
import { demoConventions } from './conventions.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { demo: true });
}, 120_000); // as long as the browser tests' setup: the first file to ask seeds the demo template
afterAll(() => server.close());

describe('demo conventions', () => {
  it('hold tranches on time, late, blocked, overridden, justified, partly justified, rejected and waiting', async () => {
    const [counts] = await server.owner<Record<string, number>>(`
      SELECT (SELECT count(*)::int FROM subsidies.conventions) AS conventions,
             (SELECT count(*)::int FROM subsidies.conventions WHERE status = 'signed') AS signed,
             (SELECT count(*)::int FROM subsidies.tranche_summary WHERE counted AND completed_on <= planned_on) AS on_time,
             (SELECT count(*)::int FROM subsidies.tranche_summary WHERE counted AND completed_on > planned_on) AS paid_late,
             (SELECT count(*)::int FROM subsidies.tranche_summary WHERE counted AND completed_on IS NULL AND planned_on < $1::date) AS overdue,
             (SELECT count(*)::int FROM subsidies.tranches t WHERE t.status = 'planned' AND t.planned_on < $1::date AND EXISTS (
                SELECT 1 FROM subsidies.tranche_conditions c WHERE c.tranche_id = t.id AND c.blocking AND c.confirmed IS NULL)) AS blocked,
             (SELECT count(*)::int FROM subsidies.tranches WHERE override_reason IS NOT NULL) AS overridden,
             (SELECT count(DISTINCT state)::int FROM subsidies.justifications) AS review_states,
             (SELECT count(*)::int FROM approvals.submissions WHERE subject_type LIKE 'subsidy_convention%' AND state = 'approved') AS approvals`, [todayInMorocco()]);
    expect(counts).toEqual({ conventions: demoConventions.length, signed: demoConventions.length - 1, on_time: 4, paid_late: 4, overdue: 4, blocked: 1, overridden: 1,
      review_states: 4, approvals: 6 });
  });

  it('shows the nation, the region and the delegations their own figures and late tranches', async () => {
    const central = await login(server, 'central', PASSWORD);
    const year = Number(todayInMorocco().slice(0, 4));
    let tranches = 0;
    // Every demo tranche is planned within two years of today.
    for (const y of [year - 2, year - 1, year, year + 1]) tranches += ((await central.get(`/api/subsidies/dashboard?year=${y}`)).json() as Dashboard).totals.tranches;
    expect(tranches).toBe(demoConventions.filter((c) => c.status === 'signed').reduce((n, c) => n + c.tranches.length, 0));
    const inezgane = await login(server, 'inezgane', PASSWORD);
    const late = (await inezgane.get('/api/subsidies/late-tranches?state=open')).json() as LateTranchesPage;
    expect(late.items.map((t) => t.associationNameFr).sort()).toEqual(["Association Amal Al Atfal pour la protection de l'enfance", 'Association Dar Taliba Aït Melloul']);
    const officer = await login(server, 'inezgane-association', PASSWORD);
    const own = (await officer.get('/api/subsidies/late-tranches')).json() as LateTranchesPage;
    expect(own.items.map((t) => [t.associationNameFr, t.state])).toEqual([['Association Dar Taliba Aït Melloul', 'paid'], ['Association Dar Taliba Aït Melloul', 'open']]);
  });

  it('is seeded once', async () => {
    await seedDemo(server.ownerUrl, PASSWORD, server.config.dataDir);
    expect((await server.owner<{ n: number }>('SELECT count(*)::int AS n FROM subsidies.conventions'))[0]!.n).toBe(demoConventions.length);
  });
});
