/**
 * The end of a convention: closed only once every tranche is settled, cancelled with a reason
 * (its unpaid tranches cancelled with it, a partly paid one refusing the whole), recorded once with
 * its day and author; refused by the database itself, whoever writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Tranche } from '../../contract/tranches.ts';
import type { Convention } from './contract.ts';
import { createConvention } from '../tranches/testing/factories.ts';

let server: TestServer;
let delegate: Session & { id: string };
let db: SqlAs;

beforeAll(async () => {
  server = await startTestServer();
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  db = await sqlAs(server);
});
afterAll(async () => {
  await db.end();
  await server.close();
});

const plan = async (conventionId: string, plannedOn: string, amountMad: string) =>
  (await delegate.post(`/api/subsidies/conventions/${conventionId}/tranches`, { plannedOn, amountMad, conditions: [] })).json() as Tranche;
const pay = async (t: Tranche, rib: string, amountMad: string) => {
  if (t.status === 'planned') expect((await delegate.post(`/api/subsidies/tranches/${t.id}/release`, {})).statusCode).toBe(200);
  const paid = await delegate.post(`/api/subsidies/tranches/${t.id}/disbursements`, { paymentOrder: 'OP-9', paymentReference: 'VIR-9', paidOn: todayInMorocco(), amountMad, rib });
  expect(paid.statusCode).toBe(200);
  return paid.json() as Tranche;
};
const statusOf = async (table: 'conventions' | 'tranches', id: string) =>
  (await server.owner<{ status: string }>(`SELECT status FROM subsidies.${table} WHERE id = $1`, [id]))[0]!.status;

describe('closing a convention', () => {
  it('is refused while a tranche is unsettled, then recorded with its day, its author and its note, once', async () => {
    const c = await createConvention(server);
    const t = await plan(c.id, '2026-02-01', '5000');
    const early = await delegate.post(`/api/subsidies/conventions/${c.id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'open_tranches', title: 'Tranches à régler' });
    expect(await statusOf('conventions', c.id)).toBe('signed');

    await pay(t, c.rib, '5000');
    const closed = await delegate.post(`/api/subsidies/conventions/${c.id}/close`, { note: 'Programme achevé' });
    expect(closed.statusCode).toBe(200);
    const body = closed.json() as Convention;
    expect(body).toMatchObject({ status: 'closed', can: { close: false, cancel: false } });
    expect(body.ending).toEqual({ on: todayInMorocco(), reason: 'Programme achevé', by: { nameAr: 'مستخدم تجريبي', nameFr: 'Utilisateur de test' } });

    expect((await delegate.post(`/api/subsidies/conventions/${c.id}/close`, {})).statusCode).toBe(409);
    expect((await delegate.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: 'Trop tard' })).statusCode).toBe(409);
    // No tranche is planned on a closed convention.
    expect((await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`, { plannedOn: '2026-09-01', amountMad: '100', conditions: [] })).statusCode).toBe(409);
  });
});

describe('cancelling a convention', () => {
  it('needs a reason, cancels the unpaid tranches and keeps the paid one', async () => {
    const c = await createConvention(server);
    const paid = await pay(await plan(c.id, '2026-01-15', '3000'), c.rib, '3000');
    const planned = await plan(c.id, '2026-06-01', '4000');

    const bare = await delegate.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].path).toBe('reason');

    const cancelled = await delegate.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: "Dissolution de l'association" });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', ending: { reason: "Dissolution de l'association" } });
    expect(await statusOf('tranches', planned.id)).toBe('cancelled');
    expect(await statusOf('tranches', paid.id)).toBe('paid');
  });

  it('is refused as a whole, changing nothing, while a tranche is paid in part', async () => {
    const c = await createConvention(server);
    const partial = await pay(await plan(c.id, '2026-03-01', '8000'), c.rib, '2000');
    const planned = await plan(c.id, '2026-07-01', '1000');
    const refused = await delegate.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: 'Manquements graves' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('open_tranches');
    expect(await statusOf('conventions', c.id)).toBe('signed');
    expect(await statusOf('tranches', planned.id)).toBe('planned');
    expect(await statusOf('tranches', partial.id)).toBe('released');
  });

  it('is the convention\'s author level\'s to do: a reader gets 403, another delegation 404', async () => {
    const c = await createConvention(server);
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await coordinator.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: 'Pas mon rôle' })).statusCode).toBe(403);
    expect((await other.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: 'Pas ma délégation' })).statusCode).toBe(404);
    expect(await statusOf('conventions', c.id)).toBe('signed');
  });
});

describe('the database', () => {
  it('refuses an end with unsettled tranches or without reason, and a second writing of the end, as the application role', async () => {
    const c = await createConvention(server);
    await plan(c.id, '2026-04-01', '1000');
    await expect(db.query(delegate.id, "UPDATE subsidies.conventions SET status = 'closed' WHERE id = $1", [c.id]))
      .rejects.toMatchObject({ code: 'RA409', hint: 'subsidies.errors.open_tranches' });
    // Each call rolls back: the tranches are cancelled and the convention ended in one transaction.
    await expect(db.query(delegate.id, `UPDATE subsidies.tranches SET status = 'cancelled' WHERE convention_id = '${c.id}';
      UPDATE subsidies.conventions SET status = 'cancelled' WHERE id = '${c.id}'`)).rejects.toMatchObject({ code: '23514' });

    expect((await delegate.post(`/api/subsidies/conventions/${c.id}/cancel`, { reason: 'Résiliation amiable' })).statusCode).toBe(200);
    await expect(db.query(delegate.id, "UPDATE subsidies.conventions SET end_reason = 'Autre motif' WHERE id = $1", [c.id]))
      .rejects.toMatchObject({ code: 'RA409' });
    const [row] = await server.owner<{ ended_on: string; ended_by: string }>("SELECT to_char(ended_on, 'YYYY-MM-DD') AS ended_on, ended_by FROM subsidies.conventions WHERE id = $1", [c.id]);
    expect(row).toEqual({ ended_on: todayInMorocco(), ended_by: delegate.id });
  });
});
