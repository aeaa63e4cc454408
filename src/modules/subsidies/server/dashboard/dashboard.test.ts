/**
 * The subsidies dashboard, the regularity indicator and the late list against the real database:
 * figures a test can add up by hand (decision 0029), what each scope sees, the same-transaction
 * summary following payments, reviews and cancellations, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { createAssociation } from '../../../registry/testing/factories.ts';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { addDisbursement, createConvention, createTranche } from './testing.ts';
import type { Dashboard, DashboardRow, LateTranchesPage, Regularity } from './contract.ts';

let server: TestServer;
let nation: Session;
type Key = 'agadirAssociation' | 'inezganeAssociation' | 'region' | 'agadir' | 'inezgane' | 'c1' | 'c4' | 't1' | 't2' | 't3' | 't4';
const ids = {} as Record<Key, string>;

beforeAll(async () => {
  server = await startTestServer();
  nation = await signedIn(server, { role: 'central_analyst' });
  const agadirAssociation = (await createAssociation(server, { province: '09.001' })).id;
  const inezganeAssociation = (await createAssociation(server, { province: '09.273' })).id;
  ids.agadirAssociation = agadirAssociation;
  ids.inezganeAssociation = inezganeAssociation;
  ids.region = await idOf(server, 'territory.regions', '09');
  ids.agadir = await idOf(server, 'organisation.delegations', '09.001');
  ids.inezgane = await idOf(server, 'organisation.delegations', '09.273');
  // Agadir's convention: on time, paid late in two parts, overdue, cancelled (left out).
  const c1 = await createConvention(server, { associationId: agadirAssociation, owner: 'delegation', region: '09', delegation: '09.001' });
  ids.c1 = c1;
  ids.t1 = await createTranche(server, c1, { plannedOn: '2024-03-01', amount: '100000.00', status: 'paid', conditionsMetOn: '2024-02-10',
    payments: [['2024-02-20', '100000.00']], review: ['justified', '100000.00'] });
  ids.t2 = await createTranche(server, c1, { plannedOn: '2024-06-01', amount: '50000.50', status: 'paid', conditionsMetOn: '2024-06-21',
    payments: [['2024-06-10', '20000.25'], ['2024-07-01', '30000.25']], review: ['partly_justified', '40000.00'] });
  ids.t3 = await createTranche(server, c1, { plannedOn: '2024-09-01', amount: '25000.00' });
  await createTranche(server, c1, { plannedOn: '2024-10-01', amount: '10000.00', status: 'cancelled' });
  // A draft: never in the figures.
  const draft = await createConvention(server, { associationId: agadirAssociation, owner: 'delegation', region: '09', delegation: '09.001', status: 'draft' });
  await createTranche(server, draft, { plannedOn: '2024-05-01', amount: '999.00' });
  // Inezgane's convention, paid on its day; the region's, paid 5 days late; central's, on time.
  const c3 = await createConvention(server, { associationId: inezganeAssociation, owner: 'delegation', region: '09', delegation: '09.273' });
  await createTranche(server, c3, { plannedOn: '2024-04-01', amount: '70000.00', status: 'paid', payments: [['2024-04-01', '70000.00']] });
  const c4 = await createConvention(server, { associationId: agadirAssociation, owner: 'region', region: '09' });
  ids.c4 = c4;
  ids.t4 = await createTranche(server, c4, { plannedOn: '2024-05-15', amount: '30000.00', status: 'paid', payments: [['2024-05-20', '30000.00']] });
  const c5 = await createConvention(server, { associationId: inezganeAssociation, owner: 'central' });
  await createTranche(server, c5, { plannedOn: '2024-02-01', amount: '5000.00', status: 'paid', payments: [['2024-02-01', '5000.00']] });
  // A tranche not due yet, in a later year: planned but not assessed.
  await createTranche(server, c3, { plannedOn: addDays(todayInMorocco(), 400), amount: '1000.00' });
}, 60_000);
afterAll(() => server.close());

const dashboard = async (session: Session, query: string) => {
  const response = await session.get(`/api/subsidies/dashboard?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
};
const row = (d: Dashboard, kind: DashboardRow['kind'], id: string | null = null) => d.rows.find((r) => r.kind === kind && r.id === id)!;

describe('subsidies dashboard', () => {
  it('adds up the nation for a year: committed, released, paid, justified, delays, late count and regularity', async () => {
    const d = await dashboard(nation, 'year=2024');
    expect(d.node).toMatchObject({ level: 'nation', id: null });
    expect(d.totals).toEqual({
      committedMad: '280000.50', releasedMad: '255000.50', paidMad: '255000.50', justifiedMad: '140000.00',
      tranches: 6, assessed: 6, onTime: 3, late: 3,
      // planned → paid: −10, +30 (the second part completes it), 0, +5, 0; conditions → paid: 10, 10.
      averageDelayDays: 5, averageConditionsDelayDays: 10, regularityPercent: 50,
    });
    expect(d.rows.map((r) => r.kind)).toEqual(['region', 'central']);
    expect(row(d, 'region', ids.region)).toMatchObject({ committedMad: '275000.50', paidMad: '250000.50', tranches: 5, onTime: 2, late: 3, regularityPercent: 40 });
    expect(row(d, 'central')).toMatchObject({ committedMad: '5000.00', onTime: 1, late: 0, regularityPercent: 100 });
  });

  it('drills down region → delegation → association → convention', async () => {
    const region = await dashboard(nation, `level=region&id=${ids.region}&year=2024`);
    expect(region.parents.map((p) => p.level)).toEqual(['nation']);
    expect(row(region, 'delegation', ids.agadir)).toMatchObject({ committedMad: '175000.50', releasedMad: '150000.50', paidMad: '150000.50', justifiedMad: '140000.00', late: 2, onTime: 1, regularityPercent: 33.3 });
    expect(row(region, 'delegation', ids.inezgane)).toMatchObject({ committedMad: '70000.00', onTime: 1, late: 0, averageDelayDays: 0 });
    expect(row(region, 'regional')).toMatchObject({ committedMad: '30000.00', late: 1, averageDelayDays: 5 });
    const delegation = await dashboard(nation, `level=delegation&id=${ids.agadir}&year=2024`);
    expect(delegation.rows).toHaveLength(1);
    expect(row(delegation, 'association', ids.agadirAssociation)).toMatchObject({ committedMad: '175000.50', averageDelayDays: 10, averageConditionsDelayDays: 10 });
    const association = await dashboard(nation, `level=association&id=${ids.agadirAssociation}&year=2024`);
    expect(association.parents.map((p) => p.level)).toEqual(['nation', 'region', 'delegation']);
    expect(association.rows.map((r) => [r.kind, r.id, r.committedMad]).sort()).toEqual([['convention', ids.c1, '175000.50'], ['convention', ids.c4, '30000.00']].sort());
    expect(row(association, 'convention', ids.c1).reference).toMatch(/^CONV-\d{4}-\d{6}$/);
  });

  it('shows each user their own scope and refuses the nodes above or beside it', async () => {
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const home = await dashboard(inezgane, 'year=2024');
    expect(home.node).toMatchObject({ level: 'delegation', id: ids.inezgane });
    expect(home.parents).toEqual([]);
    expect(home.totals).toMatchObject({ committedMad: '70000.00', tranches: 1 });
    for (const query of ['level=nation', `level=region&id=${ids.region}`, `level=delegation&id=${ids.agadir}`]) {
      expect((await inezgane.get(`/api/subsidies/dashboard?${query}`)).statusCode).toBe(404);
    }
    // Its own association: only the delegation's conventions (central's 5,000.00 to the same association is not its own).
    expect((await dashboard(inezgane, `level=association&id=${ids.inezganeAssociation}&year=2024`)).totals).toMatchObject({ committedMad: '70000.00', tranches: 1 });
    // An association it cannot see in the registry is not found.
    expect((await inezgane.get(`/api/subsidies/dashboard?level=association&id=${ids.agadirAssociation}`)).statusCode).toBe(404);
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    expect((await dashboard(coordinator, 'year=2024')).totals).toMatchObject({ committedMad: '275000.50', late: 3 });
    expect((await coordinator.get('/api/subsidies/dashboard?level=nation')).statusCode).toBe(404);
    const officer = await signedIn(server, { role: 'association_officer', scope: { association: ids.inezganeAssociation } });
    expect((await dashboard(officer, 'year=2024')).totals).toMatchObject({ committedMad: '75000.00', tranches: 2 });
    expect((await officer.get(`/api/subsidies/dashboard?level=association&id=${ids.agadirAssociation}`)).statusCode).toBe(404);
  });

  it('gives the regularity indicator per region and per delegation, year by year', async () => {
    const response = await nation.get('/api/subsidies/dashboard/regularity?from=2023&to=2024');
    expect(response.statusCode, response.body).toBe(200);
    const byRegion = response.json() as Regularity;
    expect(byRegion.rows).toHaveLength(13); // the 12 regions and central's own conventions
    const soussMassa = byRegion.rows.find((r) => r.id === ids.region)!;
    expect(soussMassa.years).toEqual([
      { year: 2023, assessed: 0, onTime: 0, regularityPercent: null, averageDelayDays: null },
      { year: 2024, assessed: 5, onTime: 2, regularityPercent: 40, averageDelayDays: 6.3 },
    ]);
    const byDelegation = (await nation.get(`/api/subsidies/dashboard/regularity?regionId=${ids.region}&from=2024&to=2024`)).json() as Regularity;
    expect(byDelegation.rows.find((r) => r.id === ids.agadir)!.years[0]).toMatchObject({ assessed: 3, onTime: 1, regularityPercent: 33.3 });
    expect(byDelegation.rows.find((r) => r.kind === 'regional')!.years[0]).toMatchObject({ assessed: 1, onTime: 0, regularityPercent: 0 });
    expect((await nation.get('/api/subsidies/dashboard/regularity?from=2024&to=2010')).statusCode).toBe(400);
  });

  it('lists the late tranches oldest first, page by page, open or paid late', async () => {
    const first = (await nation.get('/api/subsidies/late-tranches?limit=2')).json() as LateTranchesPage;
    expect(first.items.map((t) => t.id)).toEqual([ids.t4, ids.t2]);
    expect(first.items[1]).toMatchObject({ state: 'paid', completedOn: '2024-07-01', daysLate: 30, amountMad: '50000.50', paidMad: '50000.50' });
    expect(first.nextCursor).not.toBeNull();
    const second = (await nation.get(`/api/subsidies/late-tranches?limit=2&after=${encodeURIComponent(first.nextCursor!)}`)).json() as LateTranchesPage;
    expect(second.items.map((t) => t.id)).toEqual([ids.t3]);
    expect(second.items[0]).toMatchObject({ state: 'open', released: false, paidMad: '0.00', daysLate: daysBetween('2024-09-01', todayInMorocco()) });
    expect(second.nextCursor).toBeNull();
    const open = (await nation.get('/api/subsidies/late-tranches?state=open')).json() as LateTranchesPage;
    expect(open.items.map((t) => t.id)).toEqual([ids.t3]);
    // The delegation sees its own only (the region's convention is not its own).
    const agadir = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    expect(((await agadir.get('/api/subsidies/late-tranches')).json() as LateTranchesPage).items.map((t) => t.id)).toEqual([ids.t2, ids.t3]);
    expect((await nation.get('/api/subsidies/late-tranches?after=garbage')).statusCode).toBe(400);
    expect((await nation.get('/api/subsidies/late-tranches?state=lost')).statusCode).toBe(400);
  });

  it('follows payments, reviews and cancellations in the same transaction', async () => {
    const c = await createConvention(server, { associationId: ids.inezganeAssociation, owner: 'delegation', region: '09', delegation: '09.273' });
    const t = await createTranche(server, c, { plannedOn: '2025-03-01', amount: '40000.00', status: 'released', releasedOn: '2025-02-20' });
    const before = await dashboard(nation, `level=delegation&id=${ids.inezgane}&year=2025`);
    expect(before.totals).toMatchObject({ committedMad: '40000.00', releasedMad: '40000.00', paidMad: '0.00', late: 1, onTime: 0 });
    await addDisbursement(server, t, '2025-02-25', '40000.00');
    await server.owner(`INSERT INTO subsidies.justifications (tranche_id, submitted_on, state, accepted_mad, reviewed_on) VALUES ($1, '2025-06-01', 'justified', '40000.00', '2025-06-20')`, [t]);
    expect((await dashboard(nation, `level=delegation&id=${ids.inezgane}&year=2025`)).totals).toMatchObject({ paidMad: '40000.00', justifiedMad: '40000.00', late: 0, onTime: 1, averageDelayDays: -4 });
    await server.owner(`UPDATE subsidies.conventions SET status = 'cancelled', end_reason = 'Résiliée pour le test' WHERE id = $1`, [c]);
    expect((await dashboard(nation, `level=delegation&id=${ids.inezgane}&year=2025`)).totals.tranches).toBe(0);
  });

  it('answers bad input with 400 and unknown nodes with 404', async () => {
    expect((await nation.get('/api/subsidies/dashboard?year=abc')).statusCode).toBe(400);
    expect((await nation.get('/api/subsidies/dashboard?level=region')).statusCode).toBe(404);
    expect((await nation.get(`/api/subsidies/dashboard?level=delegation&id=${ids.region}`)).statusCode).toBe(404);
    const social = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    expect((await social.get('/api/subsidies/dashboard')).statusCode).toBe(403);
  });
});
