/**
 * The late-tranche deadline: a tranche not fully paid is flagged overdue after its planned date; a
 * paid one is not. The day's sweep also dates the conditions found met since, unread tranches too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineSweep, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import type { Tranche } from '../../contract/tranches.ts';
import { createConvention, createCriticalFinding } from './testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const notices = async (userId: string) =>
  server.owner<{ dedupe_key: string; link: string }>(
    `SELECT dedupe_key, link FROM notifications.notifications WHERE user_id = $1 AND kind = 'subsidies.tranche_payment' ORDER BY dedupe_key`, [userId]);

describe('late tranches', () => {
  it('are flagged overdue to the delegation until the payment that completes them', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const c = await createConvention(server, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
    const owed = (await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`, { plannedOn: '2026-03-01', amountMad: '5000', conditions: [] })).json() as Tranche;
    const paid = (await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`, { plannedOn: '2026-03-02', amountMad: '3000', conditions: [] })).json() as Tranche;
    expect((await delegate.post(`/api/subsidies/tranches/${paid.id}/release`, {})).statusCode).toBe(200);
    const payment = await delegate.post(`/api/subsidies/tranches/${paid.id}/disbursements`,
      { paymentOrder: 'OP-1', paymentReference: 'VIR-1', paidOn: todayInMorocco(), amountMad: '3000', rib: c.rib });
    expect(payment.json().status).toBe('paid');

    await runDeadlineSweep(server.db, '2026-03-06');

    expect(await notices(delegate.id)).toEqual([
      { dedupe_key: `subsidies.tranche_payment:${owed.id}:2026-03-01:overdue`, link: `/subsidies/conventions/${c.id}/tranches` },
    ]);
    expect(await notices(other.id)).toEqual([]);
  });

  it('date the conditions met on the day the sweep finds them met, without anyone opening the tranche', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const c = await createConvention(server, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
    const findingId = await createCriticalFinding(server, c.associationId);
    const t = (await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`,
      { plannedOn: '2026-06-01', amountMad: '4000', conditions: [{ code: 'no_open_critical_finding', blocking: true }] })).json() as Tranche;
    expect(t.conditionsMetOn).toBeNull();
    const metOn = async () => (await server.owner<{ d: string | null }>(`SELECT conditions_met_on::text AS d FROM subsidies.tranches WHERE id = $1`, [t.id]))[0]!.d;

    await runDeadlineSweep(server.db, todayInMorocco());
    expect(await metOn()).toBeNull(); // the finding is still open

    await server.owner(`UPDATE subsidies.audit_findings SET status = 'closed', closed_on = current_date WHERE id = $1`, [findingId]);
    await runDeadlineSweep(server.db, todayInMorocco());
    expect(await metOn()).toBe(todayInMorocco());
  });
});

