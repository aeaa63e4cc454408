/**
 * The books through the API on the real database: accounts, entries and their refusals (nothing
 * stored), the balance warning, reversals, journals with running balance across pages and in
 * Excel, grants and their 10-day report, monthly closing, documents on an entry, scope.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { multipart, samplePdf } from '../../../../platform/documents/samples.ts';
import { addDays, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Accounts, Closings, Entry, Grants, JournalPage } from './contract.ts';
import { booksInstitution, createChart, payment, receipt, type TestChart } from './testing/factories.ts';

let server: TestServer;
let chart: TestChart;
beforeAll(async () => {
  server = await startTestServer();
  chart = await createChart(server);
});
afterAll(() => server.close());

const base = (id: string) => `/api/finance/institutions/${id}`;
const entryCount = async (institutionId: string) =>
  Number((await server.owner<{ n: string }>('SELECT count(*) AS n FROM finance.entries WHERE institution_id = $1', [institutionId]))[0]!.n);
const post = async (s: Session, url: string, body: unknown, status: number) => {
  const r = await s.post(url, body);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};

describe('accounts', () => {
  it('opens one bank account with a RIB and one cash box; refuses a second one and a bad RIB; others read or get 404', async () => {
    const { institutionId, director } = await booksInstitution(server);
    const accounts = (await director.get(`${base(institutionId)}/accounts`)).json() as Accounts;
    expect(accounts.canKeep).toBe(true);
    expect(accounts.accounts.map((a) => [a.kind, a.balanceMad])).toEqual([['bank', '10000.00'], ['cash', '500.00']]);
    const again = await post(director, `${base(institutionId)}/accounts`, { kind: 'cash', openingDate: '2025-01-01', openingBalanceMad: '0' }, 409);
    expect(again.errors[0]).toMatchObject({ path: 'kind', message: expect.stringContaining('un seul compte bancaire') });

    const fresh = await booksInstitution(server);
    await server.owner('DELETE FROM finance.accounts WHERE institution_id = $1', [fresh.institutionId]);
    const badRib = await post(fresh.director, `${base(fresh.institutionId)}/accounts`, { kind: 'bank', rib: '123456789012345678901235', openingDate: '2025-01-01', openingBalanceMad: '0' }, 400);
    expect(badRib.errors[0].path).toBe('rib');

    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    expect((await delegate.get(`${base(institutionId)}/accounts`)).json()).toMatchObject({ canKeep: false });
    expect((await delegate.post(`${base(institutionId)}/accounts`, { kind: 'cash', openingDate: '2025-01-01', openingBalanceMad: '0' })).statusCode).toBe(403);
    const elsewhere = await signedIn(server, { role: 'provincial_delegate', scope: '09.273', language: 'fr' });
    expect((await elsewhere.get(`${base(institutionId)}/accounts`)).statusCode).toBe(404);
  });
});

describe('receipts and payments', () => {
  it('refuses bad input with a clear message and stores nothing', async () => {
    const { institutionId, director } = await booksInstitution(server);
    const url = `${base(institutionId)}/entries`;
    const negative = await post(director, url, payment(chart.food, { amountMad: '-5' }), 400);
    expect(negative.errors[0].path).toBe('amountMad');
    expect((await post(director, url, payment(chart.food, { amountMad: 'douze' }), 400)).errors[0].path).toBe('amountMad');
    expect((await post(director, url, payment(chart.food, { amountMad: '0' }), 400)).errors[0].path).toBe('amountMad');
    expect((await post(director, url, payment(chart.sales), 409)).code).toBe('line_direction');
    expect((await post(director, url, payment(chart.operating), 409)).code).toBe('line_has_sublines');
    expect((await post(director, url, payment('no_such_line'), 400)).errors[0].path).toBe('lineCode');
    expect((await post(director, url, receipt(chart.grant), 400)).errors[0].path).toBe('donorType');
    expect((await post(director, url, payment(chart.food, { entryDate: '2024-12-31' }), 409)).code).toBe('before_opening');
    expect(await entryCount(institutionId)).toBe(0);
  });

  it('offers the lines an entry may go on: sub-lines, not headings; not what the category may not charge', async () => {
    const { institutionId, director } = await booksInstitution(server);
    await server.owner(`UPDATE finance.budget_lines SET allowed_categories = ARRAY['elderly'] WHERE code = $1`, [chart.sales]);
    try {
      const codes = ((await director.get(`${base(institutionId)}/entries/lines?year=2025`)).json() as { items: { code: string }[] }).items.map((l) => l.code);
      expect(codes).toEqual(expect.arrayContaining([chart.food, chart.grant, chart.salaries]));
      expect(codes).not.toContain(chart.operating);
      expect(codes).not.toContain(chart.sales);
    } finally {
      await server.owner('UPDATE finance.budget_lines SET allowed_categories = NULL WHERE code = $1', [chart.sales]);
    }
  });

  it('warns when a payment exceeds the balance, records it once confirmed, and reverses it without editing', async () => {
    const { institutionId, director } = await booksInstitution(server, { cash: '500.00' });
    const url = `${base(institutionId)}/entries`;
    await post(director, url, payment(chart.food, { amountMad: '300.00' }), 201);
    const warned = await post(director, url, payment(chart.food, { amountMad: '200.01', entryDate: '2025-03-11' }), 409);
    expect(warned).toMatchObject({ code: 'exceeds_balance', balanceMad: '200.00', title: 'Solde insuffisant' });
    expect(await entryCount(institutionId)).toBe(1);
    // A payment dated earlier still may not empty the box below what a later payment used.
    expect((await post(director, url, payment(chart.food, { amountMad: '250.00', entryDate: '2025-03-01' }), 409)).balanceMad).toBe('200.00');
    const forced = (await post(director, url, payment(chart.food, { amountMad: '200.01', entryDate: '2025-03-11', acknowledgeBalance: true }), 201)) as Entry;
    expect(forced).toMatchObject({ amountMad: '200.01', direction: 'payment', lineNameFr: 'Alimentation' });
    expect((await director.get(`${base(institutionId)}/entries/balance?journal=cash&entryDate=2025-03-31`)).json()).toEqual({ balanceMad: '-0.01' });

    const reversal = (await post(director, `${url}/${forced.id}/reverse`, { entryDate: '2025-03-12', description: 'Montant erroné' }, 201)) as Entry;
    expect(reversal).toMatchObject({ amountMad: '-200.01', reversesId: forced.id, direction: 'payment' });
    expect(((await director.get(`${url}/${forced.id}`)).json() as Entry).reversedById).toBe(reversal.id);
    expect((await director.get(`${base(institutionId)}/entries/balance?journal=cash&entryDate=2025-03-31`)).json()).toEqual({ balanceMad: '200.00' });
    expect((await post(director, `${url}/${forced.id}/reverse`, { entryDate: '2025-03-12', description: 'encore' }, 409)).code).toBe('already_reversed');
    expect((await post(director, `${url}/${reversal.id}/reverse`, { entryDate: '2025-03-12', description: 'encore' }, 409)).code).toBe('bad_reversal');
    // The running totals follow: 300 + 200.01 − 200.01.
    const [total] = await server.owner<{ amount_mad: string }>('SELECT amount_mad FROM finance.monthly_totals WHERE institution_id = $1 AND line_code = $2', [institutionId, chart.food]);
    expect(total!.amount_mad).toBe('300.00');
  });

  it('lets only the keepers write and attaches a scanned receipt to an entry', async () => {
    const { institutionId, director } = await booksInstitution(server);
    const entry = (await post(director, `${base(institutionId)}/entries`, receipt(chart.grant, { donorType: 'private', counterparty: 'M. Alaoui' }), 201)) as Entry;
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    expect((await delegate.post(`${base(institutionId)}/entries`, payment(chart.food))).statusCode).toBe(403);
    const upload = (s: Session) =>
      s.request({ method: 'POST', url: '/api/documents', ...multipart({ ownerType: 'finance_entry', ownerId: entry.id, category: 'receipt', title: 'Reçu du don' }, { name: 'recu.pdf', contentType: 'application/pdf', data: samplePdf('Recu') }) });
    const uploaded = await upload(director);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await delegate.get(`/api/documents?ownerType=finance_entry&ownerId=${entry.id}`)).json()).toMatchObject({ items: [{ title: 'Reçu du don' }] });
    const elsewhere = await signedIn(server, { role: 'institution_director', scope: { institution: (await booksInstitution(server)).institutionId } });
    expect((await elsewhere.get(`/api/documents?ownerType=finance_entry&ownerId=${entry.id}`)).statusCode).toBe(404);
    expect((await elsewhere.get(`${base(institutionId)}/entries/${entry.id}`)).statusCode).toBe(404);
  });
});

describe('journals', () => {
  it('gives each row the balance after it, right on every page and in the Excel export', async () => {
    const { institutionId, director } = await booksInstitution(server, { bank: '1000.00' });
    const url = `${base(institutionId)}/entries`;
    await post(director, url, receipt(chart.sales, { amountMad: '250.50', entryDate: '2025-02-03' }), 201);
    await post(director, url, payment(chart.salaries, { journal: 'bank', means: 'transfer', amountMad: '400.25', entryDate: '2025-02-10' }), 201);
    await post(director, url, payment(chart.food, { journal: 'bank', means: 'cheque', amountMad: '100.00', entryDate: '2025-02-20', reference: 'CHQ 1234' }), 201);
    await post(director, url, receipt(chart.sales, { amountMad: '9.75', entryDate: '2025-03-01' }), 201);

    const seen: JournalPage['items'] = [];
    let after: string | null = null;
    do {
      const r = await director.get(`${base(institutionId)}/journals/bank?from=2025-02-01&to=2025-02-28&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as JournalPage;
      expect(page.openingMad).toBe('1000.00');
      seen.push(...page.items);
      after = page.nextCursor;
    } while (after);
    expect(seen.map((e) => [e.entryDate, e.balanceMad])).toEqual([['2025-02-03', '1250.50'], ['2025-02-10', '850.25'], ['2025-02-20', '750.25']]);
    const march = (await director.get(`${base(institutionId)}/journals/bank?from=2025-03-01&to=2025-03-31`)).json() as JournalPage;
    expect(march).toMatchObject({ openingMad: '750.25', items: [{ balanceMad: '760.00' }] });

    const xlsx = await director.get(`${base(institutionId)}/journals/bank/export.xlsx?from=2025-02-01&to=2025-02-28`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const last = values[values.length - 1]!;
    expect(last).toContain('CHQ 1234');
    expect(last[last.length - 1]).toBe(750.25);
    expect(values.some((r) => r.includes('Salaires'))).toBe(true);
  });
});

describe('grants and donations', () => {
  it('are flagged late when not reported within 10 days, until reported', async () => {
    const today = todayInMorocco();
    const { institutionId, director } = await booksInstitution(server, { opening: `${today.slice(0, 4)}-01-01` });
    const url = `${base(institutionId)}/entries`;
    const old = (await post(director, url, receipt(chart.grant, { donorType: 'private', counterparty: 'Fondation Amal', entryDate: addDays(today, -12) }), 201)) as Entry;
    const recent = (await post(director, url, receipt(chart.grant, { donorType: 'commune', counterparty: 'Commune', entryDate: today, journal: 'bank' }), 201)) as Entry;
    await post(director, url, receipt(chart.sales, { entryDate: today }), 201);
    const year = Number(today.slice(0, 4));
    const list = async () => {
      const r = await director.get(`${base(institutionId)}/entries/grants?year=${addDays(today, -12).slice(0, 4)}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as Grants).items;
    };
    const byId = async (id: string) => (await list()).find((g) => g.entryId === id);
    expect(await byId(old.id)).toMatchObject({ late: true, reportedOn: null, dueOn: addDays(today, -2) });
    if (year === Number(addDays(today, -12).slice(0, 4))) expect(await byId(recent.id)).toMatchObject({ late: false, dueOn: addDays(today, 10) });

    // The deadline service lists the unreported one as overdue for the institution's director.
    const due = (await director.get('/api/deadlines?state=overdue&limit=50')).json() as { items: { kind: string; subjectId?: string; id?: string }[] };
    expect(JSON.stringify(due.items)).toContain(old.id);

    const reported = await post(director, `${url}/${old.id}/grant-report`, { reportedOn: today, reference: 'ENV-2026-7' }, 200);
    expect((reported as Grants).items.find((g) => g.entryId === old.id)).toMatchObject({ reportedOn: today, late: true, reportReference: 'ENV-2026-7' });
    expect((await post(director, `${url}/${old.id}/grant-report`, { reportedOn: today }, 409)).code).toBe('already_reported');
    const notGrant = (await post(director, url, receipt(chart.sales, { entryDate: today, amountMad: '5' }), 201)) as Entry;
    expect((await post(director, `${url}/${notGrant.id}/grant-report`, { reportedOn: today }, 409)).code).toBe('not_a_grant');
    const after = (await director.get('/api/deadlines?state=overdue&limit=50')).json() as { items: unknown[] };
    expect(JSON.stringify(after.items)).not.toContain(old.id);
  });
});

describe('monthly closing', () => {
  it('closes months in order with the balances computed by the database, then refuses any entry in them', async () => {
    const { institutionId, director } = await booksInstitution(server, { opening: '2025-03-01', bank: '1000.00', cash: '200.00' });
    const url = `${base(institutionId)}/entries`;
    await post(director, url, receipt(chart.sales, { amountMad: '500.00', entryDate: '2025-03-05' }), 201);
    await post(director, url, payment(chart.food, { amountMad: '150.00', entryDate: '2025-03-20' }), 201);
    await post(director, url, payment(chart.food, { amountMad: '20.00', entryDate: '2025-04-02' }), 201);

    expect((await post(director, `${base(institutionId)}/closings`, { month: '2025-04' }, 409)).code).toBe('earlier_month_open');
    expect((await post(director, `${base(institutionId)}/closings`, { month: todayInMorocco().slice(0, 7) }, 409)).code).toBe('month_not_ended');
    const closed = (await post(director, `${base(institutionId)}/closings`, { month: '2025-03' }, 200)) as Closings;
    expect(closed.months[2]).toMatchObject({ month: '2025-03', closed: true, receiptsMad: '500.00', paymentsMad: '150.00', entryCount: 2, bankBalanceMad: '1500.00', cashBalanceMad: '50.00' });
    expect(closed.months[3]).toMatchObject({ month: '2025-04', closed: false, paymentsMad: '20.00' });
    expect((await post(director, `${base(institutionId)}/closings`, { month: '2025-03' }, 409)).errors[0].path).toBe('month');

    const before = await entryCount(institutionId);
    expect((await post(director, url, payment(chart.food, { amountMad: '1.00', entryDate: '2025-03-31' }), 409)).code).toBe('month_closed');
    const [march] = await server.owner<{ id: string }>(`SELECT id FROM finance.entries WHERE institution_id = $1 AND entry_date = '2025-03-20'`, [institutionId]);
    // A reversal dated in the closed month is refused too; in an open month it is the correction.
    expect((await post(director, `${url}/${march!.id}/reverse`, { entryDate: '2025-03-25', description: 'x' }, 409)).code).toBe('month_closed');
    await post(director, `${url}/${march!.id}/reverse`, { entryDate: '2025-04-05', description: 'Erreur de mars' }, 201);
    expect(await entryCount(institutionId)).toBe(before + 1);
  });
});
