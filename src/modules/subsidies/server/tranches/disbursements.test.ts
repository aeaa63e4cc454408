/**
 * Disbursements and delays: partial payments to the association's RIB only, never beyond what is
 * due (refused by the database), the tranche paid by the payment that completes it, the delays in
 * days (planned → paid, conditions met → paid), late tranches, the "due this month" list and the
 * payment statement in Arabic and French.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import { addDays, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { pdfPageRuns } from '../../../../platform/reports/testing/pdf-text.ts';
import { validRib } from '../../../registry/testing/factories.ts';
import type { ConventionTranches, DuePage, Tranche } from '../../contract/tranches.ts';
import { createConvention, type TestConvention } from './testing/factories.ts';

let server: TestServer;
let delegate: Session & { id: string };
let inezgane: Session;
let db: SqlAs;
const today = todayInMorocco();
const day = (offset: number) => addDays(today, offset);
const year = Number(today.slice(0, 4));
const span = { startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31`, yearly: { [year - 1]: '100000.00', [year]: '100000.00', [year + 1]: '100000.00' } };

beforeAll(async () => {
  server = await startTestServer();
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273', language: 'fr' });
  db = await sqlAs(server);
});
afterAll(async () => {
  await db.end();
  await server.close();
});

/**
 * A tranche planned `plannedOffset` days from today, released; the release and "conditions met"
 * days are then set in the past as the owner (the triggers would date them today), so that the
 * delays have figures a test can state.
 */
async function releasedTranche(c: TestConvention, amount: string, plannedOffset: number, history?: { conditionsMet: number; released: number }): Promise<Tranche> {
  const planned = await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`, { plannedOn: day(plannedOffset), amountMad: amount, conditions: [] });
  expect(planned.statusCode).toBe(200);
  const t = planned.json() as Tranche;
  expect((await delegate.post(`/api/subsidies/tranches/${t.id}/release`, {})).statusCode).toBe(200);
  if (history) {
    await server.owner(`SET session_replication_role = replica;
      UPDATE subsidies.tranches SET conditions_met_on = '${day(history.conditionsMet)}', released_on = '${day(history.released)}' WHERE id = '${t.id}';
      SET session_replication_role = origin;`);
  }
  return t;
}

const pay = (trancheId: string, body: Record<string, string>) => delegate.post(`/api/subsidies/tranches/${trancheId}/disbursements`, {
  paymentOrder: 'OP-2026-0117', paymentReference: 'VIR-88321', ...body,
});
const countDisbursements = async (trancheId: string) => (await server.owner('SELECT 1 FROM subsidies.disbursements WHERE tranche_id = $1', [trancheId])).length;

describe('disbursements', () => {
  it('pays in parts to the association\'s RIB and counts the delays from the payment that completes the tranche', async () => {
    const c = await createConvention(server, span);
    const t = await releasedTranche(c, '40000', -30, { conditionsMet: -25, released: -20 });

    const first = await pay(t.id, { paidOn: day(-15), amountMad: '15000.50', rib: c.rib });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'released', paidMad: '15000.50', remainingMad: '24999.50', delayPlannedDays: null, overdueDays: 30, late: true });

    const second = await pay(t.id, { paidOn: day(-10), amountMad: '24999.50', rib: c.rib.replace(/^(\d{3})(\d{3})/, '$1 $2 ') });
    expect(second.statusCode).toBe(200);
    const paid = second.json() as Tranche;
    expect(paid).toMatchObject({ status: 'paid', paidOn: day(-10), paidMad: '40000.00', remainingMad: '0.00', overdueDays: null, late: true });
    // planned 30 days ago, completed 10 days ago: 20 days; conditions met 25 days ago: 15 days.
    expect(paid.delayPlannedDays).toBe(20);
    expect(paid.delayConditionsDays).toBe(15);
    expect(paid.disbursements.map((d) => d.amountMad)).toEqual(['15000.50', '24999.50']);

    // The convention's timeline carries the same figures.
    const timeline = (await delegate.get(`/api/subsidies/conventions/${c.id}/tranches`)).json() as ConventionTranches;
    expect(timeline.tranches[0]).toMatchObject({ id: t.id, delayPlannedDays: 20, delayConditionsDays: 15 });
    expect(timeline.years.find((y) => y.year === Number(day(-30).slice(0, 4)))).toMatchObject({ entraideMad: '100000.00', plannedMad: '40000.00' });
    expect(timeline.associationRib).toBe(c.rib);

    // Paid in full: nothing more is taken.
    expect((await pay(t.id, { paidOn: today, amountMad: '0.01', rib: c.rib })).json().code).toBe('tranche_not_released');
  });

  it('refuses a payment beyond what is due, to another RIB, before the release or in the future, writing nothing', async () => {
    const c = await createConvention(server, span);
    const t = await releasedTranche(c, '10000', -5);
    expect((await pay(t.id, { paidOn: today, amountMad: '6000', rib: c.rib })).statusCode).toBe(200);

    const over = await pay(t.id, { paidOn: today, amountMad: '4000.01', rib: c.rib });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'payment_exceeds_due', title: 'Montant supérieur au reste dû' });

    const otherRib = await pay(t.id, { paidOn: today, amountMad: '100', rib: validRib() });
    expect(otherRib.statusCode).toBe(409);
    expect(otherRib.json().code).toBe('rib_not_association');

    const badRib = await pay(t.id, { paidOn: today, amountMad: '100', rib: '123' });
    expect(badRib.statusCode).toBe(400);
    expect(badRib.json().errors[0].path).toBe('rib');

    expect((await pay(t.id, { paidOn: day(1), amountMad: '100', rib: c.rib })).json().code).toBe('payment_date');
    expect((await pay(t.id, { paidOn: day(-1), amountMad: '100', rib: c.rib })).json().code).toBe('payment_date');
    expect(await countDisbursements(t.id)).toBe(1);

    // The database itself refuses, as the application role, whatever the server checks.
    await expect(db.query(delegate.id, `INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib)
      VALUES ($1, 'OP', 'REF', current_date, 4000.01, $2)`, [t.id, c.rib])).rejects.toMatchObject({ code: 'RA409', hint: 'subsidies.errors.payment_exceeds_due' });
    await expect(db.query(delegate.id, `INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib)
      VALUES ($1, 'OP', 'REF', current_date, 10, $2)`, [t.id, validRib()])).rejects.toMatchObject({ code: 'RA409', hint: 'subsidies.errors.rib_not_association' });

    const planned = (await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`, { plannedOn: day(3), amountMad: '500', conditions: [] })).json() as Tranche;
    expect((await pay(planned.id, { paidOn: today, amountMad: '100', rib: c.rib })).json().code).toBe('tranche_not_released');
  });

  it('counts an early payment as a negative delay and not late; a payment is a subsidies.pay action', async () => {
    const c = await createConvention(server, span);
    const t = await releasedTranche(c, '2000', 10);
    const paid = (await pay(t.id, { paidOn: today, amountMad: '2000', rib: c.rib })).json() as Tranche;
    expect(paid).toMatchObject({ status: 'paid', delayPlannedDays: -10, delayConditionsDays: 0, late: false });

    const officer = await signedIn(server, { role: 'association_officer', scope: { association: c.associationId } });
    const t2 = await releasedTranche(c, '1000', 11);
    expect((await officer.post(`/api/subsidies/tranches/${t2.id}/disbursements`, { paymentOrder: 'OP', paymentReference: 'R', paidOn: today, amountMad: '10', rib: c.rib })).statusCode).toBe(403);
    // The association reads its own tranches.
    expect((await officer.get(`/api/subsidies/tranches/${t2.id}`)).statusCode).toBe(200);
  });
});

describe('due this month', () => {
  it('lists what the delegation still owes by the end of the month, overdue first, with the totals, in its scope only', async () => {
    const c = await createConvention(server, span);
    const overdue = await releasedTranche(c, '3000', -40, { conditionsMet: -40, released: -40 });
    await pay(overdue.id, { paidOn: day(-35), amountMad: '1000', rib: c.rib });
    const paid = await releasedTranche(c, '700', -2);
    await pay(paid.id, { paidOn: today, amountMad: '700', rib: c.rib });
    const yesterday = (await delegate.post(`/api/subsidies/conventions/${c.id}/tranches`, { plannedOn: day(-1), amountMad: '900', conditions: [] })).json() as Tranche;
    const month = today.slice(0, 7);
    const page = (await delegate.get(`/api/subsidies/tranches/due?month=${month}&limit=200`)).json() as DuePage;
    const mine = page.items.filter((i) => i.conventionId === c.id);
    expect(mine.map((i) => i.id)).toEqual([overdue.id, yesterday.id]);
    expect(mine[0]).toMatchObject({ remainingMad: '2000.00', overdueDays: 40, status: 'released', blocked: false });
    expect(page.count).toBe(page.items.length);

    const other = (await inezgane.get(`/api/subsidies/tranches/due?month=${month}`)).json() as DuePage;
    expect(other.items.some((i) => i.conventionId === c.id)).toBe(false);
    expect((await inezgane.get(`/api/subsidies/tranches/${overdue.id}`)).statusCode).toBe(404);

    // Keyset paging walks the same list.
    const first = (await delegate.get(`/api/subsidies/tranches/due?month=${month}&limit=1`)).json() as DuePage;
    expect(first.items[0]!.id).toBe(page.items[0]!.id);
    const next = (await delegate.get(`/api/subsidies/tranches/due?month=${month}&limit=1&after=${encodeURIComponent(first.nextCursor!)}`)).json() as DuePage;
    expect(next.items[0]!.id).toBe(page.items[1]!.id);
    expect((await delegate.get('/api/subsidies/tranches/due?month=2026-13')).statusCode).toBe(400);
  });
});

describe('payment statement', () => {
  it('prints the tranches and their payments in Arabic and in French', async () => {
    const c = await createConvention(server, span);
    const t = await releasedTranche(c, '8000', -3);
    await pay(t.id, { paidOn: today, amountMad: '8000', rib: c.rib, paymentOrder: 'OP-PDF-5521' });
    const [conv] = await server.owner<{ reference: string }>('SELECT reference FROM subsidies.conventions WHERE id = $1', [c.id]);
    for (const lang of ['ar', 'fr'] as const) {
      const pdf = await delegate.get(`/api/subsidies/conventions/${c.id}/tranches/statement.pdf?lang=${lang}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfPageRuns(pdf.rawPayload).flat().join(' ');
      expect(text).toContain(conv!.reference);
      expect(text).toContain('OP-PDF-5521');
      expect(text).toContain(today);
      // Arabic runs come out in visual order: the title's words are checked one by one.
      for (const word of lang === 'ar' ? ['كشف', 'الأداءات', 'المجموع'] : ['Relevé des paiements', 'Total']) expect(text).toContain(word);
    }
    expect((await inezgane.get(`/api/subsidies/conventions/${c.id}/tranches/statement.pdf?lang=fr`)).statusCode).toBe(404);
  });
});
