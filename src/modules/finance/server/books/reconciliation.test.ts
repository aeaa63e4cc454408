/**
 * Bank reconciliation: the statement imported through the platform's import jobs (CSV with a
 * signed amount, Excel with debit and credit columns), bad rows refused with nothing written, a
 * file imported twice refused, automatic matching of unambiguous pairs, manual matching checked
 * by the database.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { uploaded, waitForJob } from '../../../../platform/jobs/testing/helpers.ts';
import type { Job, Upload } from '../../../../platform/jobs/contract.ts';
import type { Entry, Reconciliation } from './contract.ts';
import { STATEMENT_IMPORT_TARGET } from './statement-import.ts';
import { booksInstitution, createChart, payment, receipt, type TestChart } from './testing/factories.ts';

let server: TestServer;
let chart: TestChart;
beforeAll(async () => {
  server = await startTestServer();
  chart = await createChart(server);
});
afterAll(() => server.close());

async function run(session: Session, up: Upload, mode: 'validate' | 'commit'): Promise<Job> {
  const response = await session.post(`/api/imports/uploads/${up.id}/${mode}`, { mapping: up.mapping });
  expect(response.statusCode, response.body).toBe(202);
  return waitForJob(session, (response.json() as Job).id);
}

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\n'));

describe('bank reconciliation', () => {
  it('imports a statement, matches what is unambiguous, and leaves the rest to the user', async () => {
    const { institutionId, director } = await booksInstitution(server, { bank: '5000.00' });
    const base = `/api/finance/institutions/${institutionId}`;
    const entry = async (body: unknown) => {
      const r = await director.post(`${base}/entries`, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as Entry;
    };
    const grant = await entry(receipt(chart.sales, { amountMad: '1200.00', entryDate: '2025-06-02' }));
    const rent = await entry(payment(chart.salaries, { journal: 'bank', means: 'transfer', amountMad: '800.00', entryDate: '2025-06-05' }));
    const twinA = await entry(payment(chart.food, { journal: 'bank', means: 'cheque', amountMad: '50.00', entryDate: '2025-06-10' }));
    await entry(payment(chart.food, { journal: 'bank', means: 'cheque', amountMad: '50.00', entryDate: '2025-06-11' }));

    const file = csv([
      ['Date opération', 'Libellé', 'Montant', 'Référence'],
      ['03/06/2025', 'VIR RECU CLIENT', '1 200,00', 'R1'],
      ['06/06/2025', 'VIR EMIS SALAIRE', '-800,00', 'R2'],
      ['12/06/2025', 'CHQ 0001', '-50,00', 'R3'],
      ['30/06/2025', 'FRAIS TENUE DE COMPTE', '-15,00', 'R4'],
    ]);
    const up = await uploaded(director, STATEMENT_IMPORT_TARGET, 'releve.csv', file);
    expect(up.mapping).toMatchObject({ lineDate: 'Date opération', label: 'Libellé', amount: 'Montant', bankReference: 'Référence' });
    expect(await run(director, up, 'validate')).toMatchObject({ state: 'succeeded', errorCount: 0 });
    expect(await run(director, up, 'commit')).toMatchObject({ state: 'succeeded', result: { written: 4 } });
    // The same file again: every line already there, nothing written.
    const again = await uploaded(director, STATEMENT_IMPORT_TARGET, 'releve.csv', file);
    expect(await run(director, again, 'commit')).toMatchObject({ state: 'failed', errorCount: 4 });

    const auto = await director.post(`${base}/reconciliations/auto`, { from: '2025-06-01', to: '2025-06-30' });
    expect(auto.json()).toEqual({ matched: 2 });
    const rec = (await director.get(`${base}/reconciliations?from=2025-06-01&to=2025-06-30`)).json() as Reconciliation;
    const byLabel = (label: string) => rec.lines.find((l) => l.label === label)!;
    expect(byLabel('VIR RECU CLIENT').entryId).toBe(grant.id);
    expect(byLabel('VIR EMIS SALAIRE').entryId).toBe(rent.id);
    // Two cheques of 50: ambiguous, left to the user; the bank fee is not in the books yet.
    expect(byLabel('CHQ 0001').entryId).toBeNull();
    expect(rec).toMatchObject({ bookBalanceMad: '5300.00', unmatchedLinesMad: '-65.00', unmatchedEntriesMad: '-100.00' });

    const wrong = await director.post(`${base}/reconciliations/match`, { lineId: byLabel('FRAIS TENUE DE COMPTE').id, entryId: twinA.id });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'match_amount' });
    const right = await director.post(`${base}/reconciliations/match`, { lineId: byLabel('CHQ 0001').id, entryId: twinA.id });
    expect(right.statusCode, right.body).toBe(200);
    const after = (await director.get(`${base}/reconciliations?from=2025-06-01&to=2025-06-30`)).json() as Reconciliation;
    expect(after.unmatchedEntries.map((e) => e.signedMad)).toEqual(['-50.00']);
    // A line already matched is unmatched first.
    const twice = await director.post(`${base}/reconciliations/match`, { lineId: byLabel('VIR RECU CLIENT').id, entryId: twinA.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'line_matched' });
    expect((await director.post(`${base}/reconciliations/unmatch`, { lineId: byLabel('CHQ 0001').id })).statusCode).toBe(200);

    // The bank fee, not in the books: recorded from its line and matched with it, or nothing is written.
    const fee = byLabel('FRAIS TENUE DE COMPTE');
    const feeEntry = payment(chart.food, { journal: 'bank', means: 'direct_debit', amountMad: '15.00', entryDate: '2025-06-30', counterparty: 'Banque', statementLineId: fee.id });
    const mismatched = await director.post(`${base}/entries`, { ...feeEntry, amountMad: '16.00' });
    expect(mismatched.statusCode).toBe(409);
    expect(mismatched.json()).toMatchObject({ code: 'match_amount' });
    const [written] = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM finance.entries WHERE institution_id = $1 AND amount_mad = 16`, [institutionId]);
    expect(Number(written!.n)).toBe(0);
    const recorded = await entry(feeEntry);
    const final = (await director.get(`${base}/reconciliations?from=2025-06-01&to=2025-06-30`)).json() as Reconciliation;
    expect(final.lines.find((l) => l.id === fee.id)!.entryId).toBe(recorded.id);
    expect((await director.post(`${base}/entries`, { ...feeEntry, entryDate: '2025-06-29' })).json()).toMatchObject({ code: 'line_matched' });
  });

  it('reads debit and credit columns from Excel and refuses bad rows with their message', async () => {
    const { institutionId, director } = await booksInstitution(server);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Relevé');
    sheet.addRow(['Date', 'Libellé', 'Débit', 'Crédit']);
    sheet.addRow(['2025-07-01', 'VERSEMENT', '', '300,00']);
    sheet.addRow(['2025-07-02', 'PRLV ONEE', '120.40', '']);
    sheet.addRow(['31/02/2025', 'DATE IMPOSSIBLE', '1', '']);
    sheet.addRow(['2025-07-03', 'SANS MONTANT', '', '']);
    const up = await uploaded(director, STATEMENT_IMPORT_TARGET, 'releve.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const failed = await run(director, up, 'commit');
    expect(failed).toMatchObject({ state: 'failed', errorCount: 2 });
    const errors = (await director.get(`/api/jobs/${failed.id}/errors?limit=10`)).json() as { items: { row: number; message: string }[] };
    expect(errors.items.map((e) => e.row)).toEqual([4, 5]);
    expect(errors.items[0]!.message).toContain('Date non reconnue');
    const [count] = await server.owner<{ n: string }>('SELECT count(*) AS n FROM finance.bank_statement_lines WHERE institution_id = $1', [institutionId]);
    expect(count!.n).toBe('0');

    const good = await uploaded(director, STATEMENT_IMPORT_TARGET, 'releve.xlsx', await (async () => {
      const b = new ExcelJS.Workbook();
      const s = b.addWorksheet('Relevé');
      s.addRow(['Date', 'Libellé', 'Débit', 'Crédit']);
      s.addRow(['2025-07-01', 'VERSEMENT', '', '300,00']);
      s.addRow(['2025-07-02', 'PRLV ONEE', '120.40', '']);
      return Buffer.from(await b.xlsx.writeBuffer());
    })());
    expect(await run(director, good, 'commit')).toMatchObject({ state: 'succeeded', result: { written: 2 } });
    const amounts = await server.owner<{ amount_mad: string }>('SELECT amount_mad FROM finance.bank_statement_lines WHERE institution_id = $1 ORDER BY line_date', [institutionId]);
    expect(amounts.map((a) => a.amount_mad)).toEqual(['300.00', '-120.40']);
  });
});
