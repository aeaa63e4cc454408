/** The chart and the daily cost references through the API: read by finance users, written by the reference administrator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof signedIn>>;
let delegate: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, { role: 'system_admin', language: 'fr' });
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
});
afterAll(() => server.close());

const put = (s: typeof admin, url: string, payload: object) => s.request({ method: 'PUT', url, payload });
const newLine = {
  code: 'op_internet',
  kind: 'expenditure',
  section: 'operating',
  nameAr: 'الأنترنت',
  nameFr: 'Internet',
  pcaAccount: '6145',
  validFrom: 2027,
};

describe('the chart', () => {
  it('lists the lines in force in a year, headings marked as not carrying amounts', async () => {
    const chart = (await delegate.get('/api/finance/chart?year=2026')).json();
    expect(chart.year).toBe(2026);
    const byCode = new Map(chart.items.map((l: { code: string }) => [l.code, l]));
    expect(byCode.get('op_utilities')).toMatchObject({ postable: false, section: 'operating' });
    expect(byCode.get('op_water')).toMatchObject({ postable: true, parentCode: 'op_utilities', pcaAccount: '61251' });
    expect(byCode.get('rev_en_subsidy')).toMatchObject({ kind: 'revenue', isGrant: true, section: null });
  });

  it('lets the administrator add a line from a year, correct it and retire it; others may not', async () => {
    expect((await delegate.post('/api/finance/chart', newLine)).statusCode).toBe(403);
    const created = await admin.post('/api/finance/chart', newLine);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'op_internet', postable: true, isGrant: false, validTo: null });
    const codesIn = async (year: number) => (await delegate.get(`/api/finance/chart?year=${year}`)).json().items.map((l: { code: string }) => l.code);
    expect(await codesIn(2026)).not.toContain('op_internet');
    expect(await codesIn(2027)).toContain('op_internet');

    expect((await admin.post('/api/finance/chart', newLine)).json()).toMatchObject({ status: 409, code: 'line_exists' });
    const { code: _c, kind: _k, section: _s, ...fields } = newLine;
    const retired = await put(admin, '/api/finance/chart/lines/op_internet', { ...fields, nameFr: 'Internet et téléphone', validTo: 2028 });
    expect(retired.json()).toMatchObject({ nameFr: 'Internet et téléphone', validTo: 2028 });
    expect(await codesIn(2029)).not.toContain('op_internet');
    // Both writes are in the audit log, under the administrator's name.
    const audited = await server.owner<{ action: string }>(`SELECT action FROM audit.log WHERE actor_id = $1 AND table_name LIKE '%budget_lines' AND coalesce(after, before)->>'code' = 'op_internet' ORDER BY seq`, [admin.id]);
    expect(audited.map((a) => a.action)).toEqual(['insert', 'update']);
  });

  it('refuses bad lines with field messages in the user language', async () => {
    const grantExpense = await admin.post('/api/finance/chart', { ...newLine, code: 'op_bad', isGrant: true });
    expect(grantExpense.statusCode).toBe(400);
    expect(grantExpense.json().errors).toEqual([{ path: 'isGrant', message: 'Seule une recette peut être une subvention ou un don.' }]);
    const noSection = await admin.post('/api/finance/chart', { ...newLine, code: 'op_bad2', section: null });
    expect(noSection.json().errors).toEqual([{ path: 'section', message: expect.stringContaining('section') }]);
    const badCode = await admin.post('/api/finance/chart', { ...newLine, code: 'Op Bad' });
    expect(badCode.json().errors[0]).toMatchObject({ path: 'code' });
    const wrongParent = await admin.post('/api/finance/chart', { ...newLine, code: 'eq_internet', section: 'equipment', parentCode: 'op_utilities' });
    expect(wrongParent.statusCode).toBe(409);
    expect(wrongParent.json()).toMatchObject({ code: 'line_parent' });
    const unknownParent = await admin.post('/api/finance/chart', { ...newLine, code: 'op_bad3', parentCode: 'op_nothing' });
    expect(unknownParent.json().errors).toEqual([{ path: 'parentCode', message: 'Cette ligne principale n\'existe pas.' }]);
    expect((await server.owner(`SELECT 1 FROM finance.budget_lines WHERE code IN ('op_bad', 'op_bad2', 'eq_internet', 'op_bad3')`)).length).toBe(0);
  });
});

describe('the minimum daily costs', () => {
  it('are read by finance users and set, replaced or removed by the administrator, amounts exact', async () => {
    const list = (await delegate.get('/api/finance/chart/daily-costs?year=2026')).json();
    expect(list.items).toHaveLength(8);
    expect(list.items.find((r: { legalCategory: string }) => r.legalCategory === 'elderly')).toEqual({ legalCategory: 'elderly', year: 2026, amountMad: '50.00' });

    expect((await put(delegate, '/api/finance/chart/daily-costs/elderly/2030', { amountMad: '55' })).statusCode).toBe(403);
    const set = await put(admin, '/api/finance/chart/daily-costs/elderly/2030', { amountMad: '55.10' });
    expect(set.json()).toEqual({ legalCategory: 'elderly', year: 2030, amountMad: '55.10' });
    expect((await put(admin, '/api/finance/chart/daily-costs/elderly/2030', { amountMad: '56.25' })).json().amountMad).toBe('56.25');
    for (const amountMad of ['0', '-3', '1,5', 'abc']) {
      expect((await put(admin, '/api/finance/chart/daily-costs/elderly/2030', { amountMad })).statusCode, amountMad).toBe(400);
    }
    expect((await put(admin, '/api/finance/chart/daily-costs/unicorns/2030', { amountMad: '5' })).statusCode).toBe(400);
    expect((await admin.delete('/api/finance/chart/daily-costs/elderly/2030')).statusCode).toBe(200);
    expect((await admin.delete('/api/finance/chart/daily-costs/elderly/2030')).statusCode).toBe(404);
  });
});
