import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { pdfPageRuns } from '../../../../platform/reports/testing/pdf-text.ts';
import { closeBrowser } from '../../../../platform/reports/index.ts';
import { createInstitution, validRib } from '../../../registry/testing/factories.ts';
import { createAdmission, createPerson } from '../../../beneficiaries/testing/factories.ts';
import { createAccount, createBudget, createEntry, createLine, setMinimumDailyCost } from './factories.ts';

let server: TestServer;
const lines = { subsidy: '', grant: '', food: '', utilities: '', staff: '', equipment: '' };
beforeAll(async () => {
  server = await startTestServer();
  lines.subsidy = await createLine(server, { kind: 'revenue', nameFr: 'Subvention EN', nameAr: 'منحة التعاون الوطني' });
  lines.grant = await createLine(server, { kind: 'revenue', isGrant: true, nameFr: 'Dons privés', nameAr: 'هبات خاصة' });
  lines.food = await createLine(server, { kind: 'expenditure', section: 'operating', isFood: true, nameFr: 'Alimentation', nameAr: 'التغذية' });
  lines.utilities = await createLine(server, { kind: 'expenditure', section: 'operating', nameFr: 'Eau et électricité', nameAr: 'الماء والكهرباء' });
  lines.staff = await createLine(server, { kind: 'expenditure', section: 'staff', nameFr: 'Salaires', nameAr: 'الأجور' });
  lines.equipment = await createLine(server, { kind: 'expenditure', section: 'equipment', nameFr: 'Mobilier', nameAr: 'الأثاث' });
});
afterAll(async () => {
  await closeBrowser();
  await server.close();
});

const twelve = (values: Record<number, string>) => Array.from({ length: 12 }, (_, m) => values[m + 1] ?? '0.00');

/** Two beneficiaries: one the whole year (leaving on 1 January after), one from 1 July to 1 September (62 days). */
async function occupy(institutionId: string, year: number): Promise<void> {
  const a = await createPerson(server, { institutionId });
  await createAdmission(server, { institutionId, personId: a.id, admissionDate: `${year}-01-01`, exitDate: `${year + 1}-01-01`, exitReason: 'programme_completed' });
  const b = await createPerson(server, { institutionId });
  await createAdmission(server, { institutionId, personId: b.id, admissionDate: `${year}-07-01`, exitDate: `${year}-09-01`, exitReason: 'family_reintegration' });
}

describe('an institution’s budget against actual and its indicators', () => {
  const year = 2023;
  let institution: { id: string; associationId: string };
  beforeAll(async () => {
    institution = await createInstitution(server, { province: '09.001', legalCategory: 'schooled_children' });
    await createBudget(server, institution.id, year, {
      [lines.subsidy]: '10000', [lines.grant]: '2000', [lines.food]: '6000', [lines.utilities]: '1000', [lines.staff]: '4000', [lines.equipment]: '1000',
    });
    const cash = await createAccount(server, institution.id);
    const entry = (lineCode: string, date: string, amount: string, more: { direction?: 'receipt' | 'payment'; reverses?: string; donorType?: string } = {}) =>
      createEntry(server, { institutionId: institution.id, accountId: cash, lineCode, date, amount, ...more });
    await entry(lines.subsidy, `${year}-01-10`, '5000.00', { direction: 'receipt' });
    await entry(lines.subsidy, `${year}-03-10`, '4000.50', { direction: 'receipt' });
    await entry(lines.grant, `${year}-02-03`, '1500', { direction: 'receipt', donorType: 'private' });
    await entry(lines.food, `${year}-01-20`, '1000.25');
    await entry(lines.food, `${year}-03-20`, '2000');
    const wrong = await entry(lines.utilities, `${year}-02-14`, '300');
    await entry(lines.utilities, `${year}-02-15`, '-300', { reverses: wrong });
    await entry(lines.staff, `${year}-01-31`, '2000');
    await entry(lines.equipment, `${year}-06-05`, '800');
    await occupy(institution.id, year);
    await setMinimumDailyCost(server, 'schooled_children', year, '12.00');
  });

  it('compares each line and section with the budget in force, month by month, reversals included', async () => {
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id }, language: 'fr' });
    const response = await director.get(`/api/finance/reports/institutions/${institution.id}/budget-vs-actual?year=${year}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.budgetId).not.toBeNull();
    expect(body.budgetApproved).toBe(false);
    const line = (code: string) => body.lines.find((l: { code: string }) => l.code === code);
    expect(line(lines.subsidy)).toMatchObject({ kind: 'revenue', budgetMad: '10000.00', actualMad: '9000.50', varianceMad: '-999.50', executionRate: '0.9001', months: twelve({ 1: '5000.00', 3: '4000.50' }) });
    expect(line(lines.utilities)).toMatchObject({ budgetMad: '1000.00', actualMad: '0.00', months: twelve({}), executionRate: '0.0000' });
    expect(line(lines.food)).toMatchObject({ section: 'operating', actualMad: '3000.25', months: twelve({ 1: '1000.25', 3: '2000.00' }) });
    // Revenue first, then the expenditure sections.
    expect(body.lines[0].kind).toBe('revenue');
    expect(body.sections).toEqual([
      { key: 'revenue', budgetMad: '12000.00', actualMad: '10500.50', varianceMad: '-1499.50', executionRate: '0.8750', months: twelve({ 1: '5000.00', 2: '1500.00', 3: '4000.50' }) },
      { key: 'operating', budgetMad: '7000.00', actualMad: '3000.25', varianceMad: '-3999.75', executionRate: '0.4286', months: twelve({ 1: '1000.25', 3: '2000.00' }) },
      { key: 'equipment', budgetMad: '1000.00', actualMad: '800.00', varianceMad: '-200.00', executionRate: '0.8000', months: twelve({ 6: '800.00' }) },
      { key: 'staff', budgetMad: '4000.00', actualMad: '2000.00', varianceMad: '-2000.00', executionRate: '0.5000', months: twelve({ 1: '2000.00' }) },
    ]);
    // The yearly totals move with the monthly ones, in the same transactions.
    const [check] = await server.owner<{ monthly: string; yearly: string }>(
      `SELECT (SELECT sum(amount_mad) FROM finance.monthly_totals WHERE institution_id = $1)::text AS monthly,
              (SELECT sum(amount_mad) FROM finance.yearly_totals WHERE institution_id = $1 AND year = $2)::text AS yearly`, [institution.id, year]);
    expect(check).toEqual({ monthly: '16300.75', yearly: '16300.75' });
  });

  it('gives the income structure, the cost and food per beneficiary-day against the category’s minimum', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const response = await delegate.get(`/api/finance/reports/institutions/${institution.id}/indicators?year=${year}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.incomeStructure.map((s: { code: string; amountMad: string; share: string }) => [s.code, s.amountMad, s.share])).toEqual([
      [lines.subsidy, '9000.50', '0.8571'],
      [lines.grant, '1500.00', '0.1429'],
    ]);
    // 365 + 62 beneficiary-days; recurrent expenditure 3000.25 + 2000 (equipment left out).
    expect(body).toMatchObject({
      legalCategory: 'schooled_children', revenueMad: '10500.50', expenditureMad: '5000.25', foodMad: '3000.25', occupancyDays: 427,
      costPerDayMad: '11.71', foodPerDayMad: '7.03', minimumDailyMad: '12.00', belowMinimum: true,
    });
    expect(body.months[0]).toEqual({ month: `${year}-01`, occupancyDays: 31, expenditureMad: '3000.25', costPerDayMad: '96.78' });
    expect(body.months[6].occupancyDays).toBe(62);
    // The day of exit is not a day in the institution.
    expect(body.months[8].occupancyDays).toBe(30);
  });

  it('counts occupancy only for an institution in the caller’s scope, and only as a number', async () => {
    const asDelegation = async (code: string) => {
      const [row] = await server.owner<{ id: string }>(`SELECT id FROM organisation.delegations WHERE code = $1`, [code]);
      const client = new pg.Client({ connectionString: server.appUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.scope_level', 'delegation', true), set_config('app.delegation_id', $1, true)`, [row!.id]);
        const { rows } = await client.query<{ days: string | null }>(`SELECT finance.occupancy_days($1, $2, $3) AS days`, [institution.id, `${year}-01-01`, `${year}-12-31`]);
        const months = await client.query(`SELECT * FROM finance.occupancy_by_month($1, $2)`, [institution.id, year]);
        return { days: rows[0]!.days, months: months.rowCount };
      } finally {
        await client.query('ROLLBACK');
        await client.end();
      }
    };
    expect(await asDelegation('09.001')).toEqual({ days: '427', months: 12 });
    expect(await asDelegation('09.273')).toEqual({ days: null, months: 0 });
  });

  it('answers 404 out of scope and refuses a bad year with a field error', async () => {
    const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await other.get(`/api/finance/reports/institutions/${institution.id}/budget-vs-actual?year=${year}`)).statusCode).toBe(404);
    expect((await other.get(`/api/finance/reports/institutions/${institution.id}/indicators?year=${year}`)).statusCode).toBe(404);
    const bad = await other.get(`/api/finance/reports/institutions/${institution.id}/budget-vs-actual?year=abc`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('the yearly totals', () => {
  it('follow the monthly ones when an entry older than ten years is deleted', async () => {
    const institution = await createInstitution(server, { province: '09.001' });
    const cash = await createAccount(server, institution.id);
    await createEntry(server, { institutionId: institution.id, accountId: cash, lineCode: lines.food, date: '2012-03-01', amount: '100.10' });
    const old = await createEntry(server, { institutionId: institution.id, accountId: cash, lineCode: lines.food, date: '2012-04-01', amount: '50.05' });
    const totals = async () =>
      (await server.owner<{ amount_mad: string; entry_count: number }>(`SELECT amount_mad::text, entry_count FROM finance.yearly_totals WHERE institution_id = $1 AND year = 2012`, [institution.id]))[0];
    expect(await totals()).toEqual({ amount_mad: '150.15', entry_count: 2 });
    await server.owner(`DELETE FROM finance.entries WHERE id = $1`, [old]);
    expect(await totals()).toEqual({ amount_mad: '100.10', entry_count: 1 });
    const [summary] = await server.owner<{ expenditure_mad: string; operating_mad: string; food_mad: string; revenue_mad: string }>(
      `SELECT expenditure_mad::text, operating_mad::text, food_mad::text, revenue_mad::text FROM finance.institution_year_totals WHERE institution_id = $1 AND year = 2012`, [institution.id]);
    expect(summary).toEqual({ expenditure_mad: '100.10', operating_mad: '100.10', food_mad: '100.10', revenue_mad: '0.00' });
  });

  it('keep the classification of a line the books use', async () => {
    const used = await createLine(server, { kind: 'expenditure', section: 'operating' });
    const institution = await createInstitution(server, { province: '09.001' });
    await createEntry(server, { institutionId: institution.id, accountId: await createAccount(server, institution.id), lineCode: used, date: '2011-02-02', amount: '10' });
    await expect(server.owner(`UPDATE finance.budget_lines SET section = 'staff' WHERE code = $1`, [used])).rejects.toThrow(/used by the books/);
    await server.owner(`UPDATE finance.budget_lines SET name_fr = 'Renommée' WHERE code = $1`, [used]);
  });
});

describe('the consolidation for delegation, region and nation', () => {
  const year = 2024;
  const ids = { agadirLow: '', agadirHigh: '', inezgane: '' };
  let agadir: string;
  let inezgane: string;
  let soussMassa: string;
  beforeAll(async () => {
    agadir = await idOf(server, 'organisation.delegations', '09.001');
    inezgane = await idOf(server, 'organisation.delegations', '09.273');
    soussMassa = await idOf(server, 'territory.regions', '09');
    const low = await createInstitution(server, { province: '09.001', legalCategory: 'schooled_children' });
    const high = await createInstitution(server, { province: '09.001', legalCategory: 'schooled_children' });
    const third = await createInstitution(server, { province: '09.273', legalCategory: 'schooled_children' });
    Object.assign(ids, { agadirLow: low.id, agadirHigh: high.id, inezgane: third.id });
    for (const id of [low.id, high.id]) {
      const person = await createPerson(server, { institutionId: id });
      await createAdmission(server, { institutionId: id, personId: person.id, admissionDate: `${year}-01-01` });
    }
    const lowCash = await createAccount(server, low.id);
    await createEntry(server, { institutionId: low.id, accountId: lowCash, lineCode: lines.subsidy, date: `${year}-02-01`, amount: '2000', direction: 'receipt' });
    await createEntry(server, { institutionId: low.id, accountId: lowCash, lineCode: lines.food, date: `${year}-02-02`, amount: '1000' });
    await createEntry(server, { institutionId: low.id, accountId: lowCash, lineCode: lines.staff, date: `${year}-02-03`, amount: '500' });
    const highCash = await createAccount(server, high.id);
    await createEntry(server, { institutionId: high.id, accountId: highCash, lineCode: lines.staff, date: `${year}-05-03`, amount: '3660' });
    const thirdCash = await createAccount(server, third.id);
    await createEntry(server, { institutionId: third.id, accountId: thirdCash, lineCode: lines.subsidy, date: `${year}-12-31`, amount: '100', direction: 'receipt' });
    await createBudget(server, low.id, year, { [lines.subsidy]: '2500', [lines.food]: '1200' });
    await setMinimumDailyCost(server, 'schooled_children', year, '5.00');
  });

  it('sums a region by delegation, with the institutions below their minimum counted', async () => {
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const response = await coordinator.get(`/api/finance/consolidation?year=${year}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ level: 'region', regionId: soussMassa, delegationId: null });
    const row = (id: string) => body.rows.find((r: { id: string }) => r.id === id);
    // 1500 / 366 = 4.10 (below 5.00) and 3660 / 366 = 10.00; together 5160 / 732.
    expect(row(agadir)).toMatchObject({
      budgetRevenueMad: '2500.00', budgetExpenditureMad: '1200.00', revenueMad: '2000.00', expenditureMad: '5160.00', operatingMad: '1000.00',
      staffMad: '4160.00', equipmentMad: '0.00', foodMad: '1000.00', occupancyDays: 732, costPerDayMad: '7.05', belowMinimumCount: 1, institutionCount: 2,
    });
    expect(row(inezgane)).toMatchObject({ revenueMad: '100.00', expenditureMad: '0.00', occupancyDays: 0, costPerDayMad: null, institutionCount: 1 });
    expect(body.total).toMatchObject({ revenueMad: '2100.00', expenditureMad: '5160.00', institutionCount: 3, belowMinimumCount: 1 });
  });

  it('drills down to the institutions of a delegation and flags the one below the minimum', async () => {
    const central = await signedIn(server, { role: 'central_analyst' });
    const nation = (await central.get(`/api/finance/consolidation?year=${year}`)).json();
    expect(nation.level).toBe('nation');
    expect(nation.rows.find((r: { id: string }) => r.id === soussMassa)).toMatchObject({ revenueMad: '2100.00', institutionCount: 3 });
    const response = await central.get(`/api/finance/consolidation?year=${year}&delegationId=${agadir}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.level).toBe('delegation');
    expect(body.rows.map((r: { id: string }) => r.id).sort()).toEqual([ids.agadirLow, ids.agadirHigh].sort());
    const low = body.rows.find((r: { id: string }) => r.id === ids.agadirLow);
    expect(low).toMatchObject({ costPerDayMad: '4.10', minimumDailyMad: '5.00', belowMinimum: true, legalCategory: 'schooled_children' });
    expect(body.rows.find((r: { id: string }) => r.id === ids.agadirHigh)).toMatchObject({ costPerDayMad: '10.00', belowMinimum: false });
  });

  it('keeps each user to their scope', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const own = (await delegate.get(`/api/finance/consolidation?year=${year}`)).json();
    expect(own).toMatchObject({ level: 'delegation', delegationId: agadir });
    expect(own.rows).toHaveLength(2);
    expect((await delegate.get(`/api/finance/consolidation?year=${year}&delegationId=${inezgane}`)).statusCode).toBe(404);
    expect((await delegate.get(`/api/finance/consolidation?year=${year}&regionId=${soussMassa}`)).statusCode).toBe(404);
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: ids.agadirLow } });
    expect((await director.get(`/api/finance/consolidation?year=${year}`)).statusCode).toBe(403);
  });
});

describe('the annual financial report', () => {
  const year = 2022;
  let institution: { id: string; associationId: string };
  beforeAll(async () => {
    institution = await createInstitution(server, { province: '09.001', legalCategory: 'schooled_children', nameFr: 'Dar Talib Tikiouine', nameAr: 'دار الطالب تكيوين' });
    const bank = await createAccount(server, institution.id, { kind: 'bank', rib: validRib(), openingBalance: '1000', openedOn: '2020-01-01' });
    const cash = await createAccount(server, institution.id, { kind: 'cash' });
    await createBudget(server, institution.id, year, { [lines.subsidy]: '6000', [lines.food]: '500' });
    await createEntry(server, { institutionId: institution.id, accountId: bank, journal: 'bank', lineCode: lines.subsidy, date: `${year}-03-01`, amount: '5000', direction: 'receipt' });
    await createEntry(server, { institutionId: institution.id, accountId: bank, journal: 'bank', lineCode: lines.grant, date: `${year}-04-02`, amount: '1500', direction: 'receipt', counterparty: 'Fondation Atlas', donorType: 'foreign' });
    await createEntry(server, { institutionId: institution.id, accountId: cash, lineCode: lines.food, date: `${year}-05-05`, amount: '200.50' });
    // After the year: not in the balances at 31 December.
    await createEntry(server, { institutionId: institution.id, accountId: bank, journal: 'bank', lineCode: lines.subsidy, date: `${year + 1}-01-05`, amount: '99', direction: 'receipt' });
  });

  const file = (session: Awaited<ReturnType<typeof signedIn>>, lang: 'ar' | 'fr', format: 'pdf' | 'xlsx') =>
    session.get(`/api/finance/reports/institutions/${institution.id}/annual?year=${year}&lang=${lang}&format=${format}`);

  it('prints lines against the budget, the balances at 31 December and the grants, in French and Arabic PDF', async () => {
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const fr = await file(director, 'fr', 'pdf');
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    const frText = pdfPageRuns(fr.rawPayload).flat().join(' ');
    expect(frText).toContain(`Rapport financier annuel ${year} - Dar Talib Tikiouine`);
    expect(frText).toContain('Solde du compte bancaire');
    expect(frText).toContain('7.500,00');
    expect(frText).toContain('Fondation Atlas (Financement étranger)');
    const ar = await file(director, 'ar', 'pdf');
    const arText = pdfPageRuns(ar.rawPayload).flat().join(' ');
    // The runs come in visual order: the words of a phrase are checked one by one.
    for (const word of ['التقرير', 'السنوي', 'رصيد', 'البنكي', 'تكيوين', 'أجنبي', '7.500,00', 'Fondation Atlas']) expect(arText).toContain(word);
  });

  it('gives the same report as a spreadsheet with exact amounts', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const response = await file(delegate, 'fr', 'xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const find = (label: string) => rows.find((r) => r.includes(label));
    expect(find('Solde du compte bancaire')?.[4]).toBe(7500);
    expect(find('Solde de la caisse')?.[4]).toBe(-200.5);
    expect(find('Subvention EN')).toEqual(['Recettes', lines.subsidy, 'Subvention EN', 6000, 5000, -1000]);
    const arResponse = await file(delegate, 'ar', 'xlsx');
    const arBook = new ExcelJS.Workbook();
    await arBook.xlsx.load(new Uint8Array(arResponse.rawPayload).buffer);
    const arRows: unknown[][] = [];
    arBook.worksheets[0]!.eachRow((row) => arRows.push((row.values as unknown[]).slice(1)));
    expect(arRows.find((r) => r.includes('منحة التعاون الوطني'))).toEqual(['المداخيل', lines.subsidy, 'منحة التعاون الوطني', 6000, 5000, -1000]);
  });

  it('is submitted by the director once the year is closed, and approved by the founder then the delegation', async () => {
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const officer = await signedIn(server, { role: 'association_officer', scope: { association: institution.associationId } });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const url = `/api/finance/reports/institutions/${institution.id}/financial-report`;
    expect((await director.get(`${url}?year=${year}`)).json()).toBeNull();
    // The delegation reads reports; it does not prepare them.
    expect((await delegate.post(url, { year })).statusCode).toBe(403);
    const prepared = await director.post(url, { year });
    expect(prepared.statusCode).toBe(200);
    const report = prepared.json();
    expect(report).toMatchObject({ year, state: 'draft' });
    expect((await director.post(url, { year })).json().id).toBe(report.id);
    const act = (s: typeof director, body: object) => s.post(`/api/approvals/submissions/${report.submissionId}/actions`, body);
    // Sent only once the year's books are closed up to December (every month since the accounts opened).
    const open = await act(director, { action: 'submit', level: 0 });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('report_year_open');
    await server.owner(`DO $$ DECLARE m date; BEGIN
      FOR m IN SELECT generate_series(date_trunc('month', min(opening_date)), make_date(${year}, 12, 1), interval '1 month')::date
               FROM finance.accounts WHERE institution_id = '${institution.id}' LOOP
        INSERT INTO finance.closed_months (institution_id, month) VALUES ('${institution.id}', m);
      END LOOP; END $$`);
    expect((await act(director, { action: 'submit', level: 0 })).statusCode).toBe(200);
    expect((await act(officer, { action: 'validate', level: 1 })).statusCode).toBe(200);
    expect((await act(delegate, { action: 'approve', level: 2 })).statusCode).toBe(200);
    expect((await delegate.get(`${url}?year=${year}`)).json()).toMatchObject({ id: report.id, state: 'approved' });
    // The approved report is locked in the database, whoever asks.
    await expect(server.owner(`UPDATE finance.financial_reports SET note = 'changed' WHERE id = $1`, [report.id])).rejects.toThrow();
  });
});
