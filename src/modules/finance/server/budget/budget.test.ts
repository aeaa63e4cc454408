/**
 * The annual budget against the real database: drafting, the balance rule at submission, the
 * approval chain (director → founder → delegation), the lock of an approved budget (through the API
 * and as the application role in SQL), "start from last year's actuals", revisions as versions.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Session = Awaited<ReturnType<typeof signedIn>>;
const put = (s: Session, url: string, payload: object) => s.request({ method: 'PUT', url, payload });
const act = (s: Session, submissionId: string, body: object) => s.post(`/api/approvals/submissions/${submissionId}/actions`, body);

// Sign-ins are rate limited per address: one delegate per delegation for the whole file.
const delegates = new Map<string, Promise<Session>>();
const delegateOf = (province: string) => {
  if (!delegates.has(province)) delegates.set(province, signedIn(server, { role: 'provincial_delegate', scope: province, language: 'ar' }));
  return delegates.get(province)!;
};

/** An institution of the Agadir delegation with its director, its founder's officer and the delegate. */
async function institution(spec: { legalCategory?: string; province?: string } = {}) {
  const inst = await createInstitution(server, { legalCategory: spec.legalCategory, centreType: spec.legalCategory === 'elderly' ? 'elderly_home' : undefined, province: spec.province });
  return {
    ...inst,
    director: await signedIn(server, { role: 'institution_director', scope: { institution: inst.id }, language: 'fr' }),
    founder: await signedIn(server, { role: 'association_officer', scope: { association: inst.associationId }, language: 'fr' }),
    delegate: await delegateOf(spec.province ?? '09.001'),
  };
}

const balanced = {
  kinds: ['revenue', 'expenditure'],
  items: [
    { lineCode: 'rev_en_subsidy', amountMad: '120000.50' },
    { lineCode: 'rev_private_donations', amountMad: '30000' },
    { lineCode: 'op_food', amountMad: '90000.25' },
    { lineCode: 'op_water', amountMad: '5000.25' },
    { lineCode: 'st_salary_educators', amountMad: '50000' },
    { lineCode: 'eq_furniture', amountMad: '5000' },
  ],
};

/** Runs SQL as the application role with an institution user's context, as begin_request would. */
async function asApp(user: { id: string }, inst: { id: string }, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: server.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.role', 'institution_director', true), set_config('app.scope_level', 'institution', true), set_config('app.institution_id', $2, true)`,
      [user.id, inst.id],
    );
    return await client.query(text, values);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

describe('drafting a budget', () => {
  it('keeps exact amounts, totals by kind and section, and the balance', async () => {
    const inst = await institution();
    const created = await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 });
    expect(created.statusCode).toBe(200);
    const budget = created.json();
    expect(budget).toMatchObject({ year: 2031, version: 1, state: 'draft', revenueMad: '0.00', expenditureMad: '0.00' });
    // The chart offered is the year's, without the headings' own amounts and without what the category may not use.
    const codes = budget.lines.map((l: { code: string }) => l.code);
    expect(codes).toContain('st_salary_educators');
    expect(codes).not.toContain('rev_beneficiary_contributions');
    expect(budget.lines.find((l: { code: string }) => l.code === 'st_salaries')).toMatchObject({ postable: false });

    const saved = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, balanced);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      revenueMad: '150000.50',
      expenditureMad: '150000.50',
      balanceMad: '0.00',
      sectionTotals: [
        { section: 'operating', amountMad: '95000.50' },
        { section: 'equipment', amountMad: '5000.00' },
        { section: 'staff', amountMad: '50000.00' },
      ],
    });
    const again = await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'budget_exists' });
  });

  it('refuses a heading, a line the category may not use, a bad amount, and stores nothing', async () => {
    const inst = await institution();
    const budget = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    const heading = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['expenditure'], items: [{ lineCode: 'st_salaries', amountMad: '10' }] });
    expect(heading.statusCode).toBe(400);
    expect(heading.json().errors).toEqual([{ path: 'items.0.lineCode', message: expect.stringContaining('ligne principale') }]);
    const contribution = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['revenue'], items: [{ lineCode: 'rev_beneficiary_contributions', amountMad: '10' }] });
    expect(contribution.statusCode).toBe(400);
    for (const amountMad of ['-5', '12.345', 'douze', '1e5']) {
      const bad = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['revenue'], items: [{ lineCode: 'rev_indh', amountMad }] });
      expect(bad.statusCode, amountMad).toBe(400);
    }
    expect(await server.owner('SELECT 1 FROM finance.budget_amounts WHERE budget_id = $1', [budget.id])).toEqual([]);

    // The database refuses the same, whoever writes: the category's rule as the application role.
    await expect(asApp(inst.director, inst, `INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad) VALUES ($1, 'rev_beneficiary_contributions', 10)`, [budget.id]))
      .rejects.toMatchObject({ code: 'RA409', hint: 'finance.errors.line_category_not_allowed' });
    await expect(asApp(inst.director, inst, `INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad) VALUES ($1, 'op_utilities', 10)`, [budget.id]))
      .rejects.toMatchObject({ code: 'RA409', hint: 'finance.errors.line_not_in_chart' });
  });

  it('lets an elderly persons home plan beneficiary contributions', async () => {
    const inst = await institution({ legalCategory: 'elderly' });
    const budget = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    const saved = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['revenue'], items: [{ lineCode: 'rev_beneficiary_contributions', amountMad: '2400' }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().revenueMad).toBe('2400.00');
  });

  it('is not seen outside its scope', async () => {
    const inst = await institution();
    const budget = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    const elsewhere = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await elsewhere.get(`/api/finance/budgets/${budget.id}`)).statusCode).toBe(404);
    expect((await inst.delegate.get(`/api/finance/budgets/${budget.id}`)).statusCode).toBe(200);
    const otherDirector = (await institution()).director;
    expect((await otherDirector.post('/api/finance/budgets', { institutionId: inst.id, year: 2032 })).statusCode).toBe(400);
  });
});

describe('the approval cycle', () => {
  it('refuses an unbalanced or empty budget at submission, then goes director → founder → delegation and locks it', async () => {
    const inst = await institution();
    const budget = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    const empty = await act(inst.director, budget.submissionId, { action: 'submit', level: 0 });
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ code: 'budget_empty' });

    await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, { ...balanced, items: [...balanced.items.slice(0, 5), { lineCode: 'eq_furniture', amountMad: '5000.01' }] });
    const unbalanced = await act(inst.director, budget.submissionId, { action: 'submit', level: 0 });
    expect(unbalanced.statusCode).toBe(409);
    expect(unbalanced.json()).toMatchObject({ code: 'budget_unbalanced', title: 'Budget non équilibré', revenueMad: '150000.50', expenditureMad: '150000.51' });
    // Nothing moved: still a draft, every section open.
    const still = (await inst.director.get(`/api/finance/budgets/${budget.id}`)).json();
    expect(still.submission.state).toBe('draft');
    expect(still.submission.sections.map((x: { state: string }) => x.state)).toEqual(['open', 'open']);

    await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, balanced);
    expect((await act(inst.director, budget.submissionId, { action: 'submit', level: 0 })).json()).toMatchObject({ state: 'submitted', levelIndex: 1 });
    const whileSubmitted = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, balanced);
    expect(whileSubmitted.statusCode).toBe(409);
    expect((await act(inst.founder, budget.submissionId, { action: 'validate', level: 1 })).json()).toMatchObject({ state: 'submitted', levelIndex: 2 });
    const approved = await act(inst.delegate, budget.submissionId, { action: 'approve', level: 2 });
    expect(approved.json()).toMatchObject({ state: 'approved' });

    const locked = await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, balanced);
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'locked' });
    expect((await inst.director.post(`/api/finance/budgets/${budget.id}/from-actuals`)).statusCode).toBe(409);
  });

  it('says why in Arabic to an Arabic-speaking director', async () => {
    const inst = await createInstitution(server, {});
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: inst.id }, language: 'ar' });
    const budget = (await director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    const bad = await put(director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['expenditure'], items: [{ lineCode: 'st_salaries', amountMad: '10' }] });
    expect(bad.json().errors).toEqual([{ path: 'items.0.lineCode', message: 'هذا البند غير موجود في مدونة السنة، أو هو بند رئيسي.' }]);
    await put(director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['revenue', 'expenditure'], items: [{ lineCode: 'rev_indh', amountMad: '10' }, { lineCode: 'op_food', amountMad: '5' }] });
    const refused = await act(director, budget.submissionId, { action: 'submit', level: 0 });
    expect(refused.json()).toMatchObject({ status: 409, title: 'ميزانية غير متوازنة', revenueMad: '10.00', expenditureMad: '5.00' });
  });

  it('locks an approved budget in the database for the application role (amounts, the budget row, deletion)', async () => {
    const inst = await institution();
    const budget = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, balanced);
    // While a draft, the same statements go through (so the refusals below are the lock's).
    const { rowCount } = await asApp(inst.director, inst, `UPDATE finance.budget_amounts SET amount_mad = 1 WHERE budget_id = $1 AND line_code = 'op_food'`, [budget.id]);
    expect(rowCount).toBe(1);
    await act(inst.director, budget.submissionId, { action: 'submit', level: 0 });
    await act(inst.founder, budget.submissionId, { action: 'validate', level: 1 });
    await act(inst.delegate, budget.submissionId, { action: 'approve', level: 2 });

    for (const statement of [
      `UPDATE finance.budget_amounts SET amount_mad = 1 WHERE budget_id = $1 AND line_code = 'op_food'`,
      `DELETE FROM finance.budget_amounts WHERE budget_id = $1`,
      `INSERT INTO finance.budget_amounts (budget_id, line_code, amount_mad) VALUES ($1, 'op_gas', 1)`,
      `UPDATE finance.budgets SET note = 'changed' WHERE id = $1`,
    ]) {
      await expect(asApp(inst.director, inst, statement, [budget.id]), statement).rejects.toMatchObject({ code: 'RA409' });
    }
    const [row] = await server.owner<{ total: string }>('SELECT sum(amount_mad)::text AS total FROM finance.budget_amounts WHERE budget_id = $1', [budget.id]);
    expect(row!.total).toBe('300001.00');
  });
});

describe("starting from last year's actuals", () => {
  it('takes each line of the previous year from the running totals, reversals included, only lines the budget may use', async () => {
    const inst = await institution();
    const entry = (date: string, line: string, amount: string, reverses: string | null = null) =>
      server.owner<{ id: string }>(
        `INSERT INTO finance.entries (institution_id, journal, entry_date, direction, line_code, amount_mad, counterparty, means, reverses_id, donor_type)
         VALUES ($1, 'in_kind', $2, $3, $4, $5, 'Donateur', 'in_kind', $6, $7) RETURNING id`,
        [inst.id, date, line.startsWith('rev_') ? 'receipt' : 'payment', line, amount, reverses, line.startsWith('rev_') ? 'private' : null],
      );
    await entry('2029-01-10', 'rev_in_kind_donations', '1000.10');
    await entry('2029-12-31', 'rev_in_kind_donations', '200.20');
    const wrong = (await entry('2029-03-05', 'op_food', '700'))[0]!.id;
    await entry('2029-03-06', 'op_food', '-700', wrong);
    await entry('2029-03-07', 'op_food', '650.35');
    await entry('2029-06-01', 'op_gas', '99.99');
    await entry('2028-12-31', 'op_medicines', '5000'); // an older year: not taken
    await entry('2030-01-01', 'op_medicines', '6000'); // the budget's own year: not taken

    const budget = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2030 })).json();
    await put(inst.director, `/api/finance/budgets/${budget.id}/amounts`, { kinds: ['revenue'], items: [{ lineCode: 'rev_indh', amountMad: '1' }] });
    const filled = await inst.director.post(`/api/finance/budgets/${budget.id}/from-actuals`);
    expect(filled.statusCode).toBe(200);
    const amounts = Object.fromEntries(filled.json().amounts.map((a: { lineCode: string; amountMad: string }) => [a.lineCode, a.amountMad]));
    expect(amounts).toEqual({ rev_in_kind_donations: '1200.30', op_food: '650.35', op_gas: '99.99' });
    expect(filled.json()).toMatchObject({ revenueMad: '1200.30', expenditureMad: '750.34' });
  });
});

describe('revisions', () => {
  it('makes the next version of the approved budget with its amounts, approved on its own; the approved one stays in force until then', async () => {
    const inst = await institution();
    const v1 = (await inst.director.post('/api/finance/budgets', { institutionId: inst.id, year: 2031 })).json();
    const early = await inst.director.post(`/api/finance/budgets/${v1.id}/revisions`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'revision_needs_approved' });
    await put(inst.director, `/api/finance/budgets/${v1.id}/amounts`, balanced);
    await act(inst.director, v1.submissionId, { action: 'submit', level: 0 });
    await act(inst.founder, v1.submissionId, { action: 'validate', level: 1 });
    await act(inst.delegate, v1.submissionId, { action: 'approve', level: 2 });
    expect((await inst.director.get(`/api/finance/budgets/${v1.id}`)).json()).toMatchObject({ canRevise: true });

    const revised = await inst.director.post(`/api/finance/budgets/${v1.id}/revisions`, { note: 'Nouvelle subvention INDH' });
    expect(revised.statusCode).toBe(200);
    const v2 = revised.json();
    expect(v2).toMatchObject({ version: 2, revisesId: v1.id, state: 'draft', revenueMad: '150000.50', expenditureMad: '150000.50', note: 'Nouvelle subvention INDH' });
    expect(v2.versions.map((v: { version: number; state: string }) => `${v.version}:${v.state}`)).toEqual(['1:approved', '2:draft']);
    const inForce = async () => (await server.owner<{ id: string }>('SELECT finance.current_budget_id($1, 2031) AS id', [inst.id]))[0]!.id;
    expect(await inForce()).toBe(v1.id);

    // One revision at a time, and only of the latest version.
    expect((await inst.director.post(`/api/finance/budgets/${v1.id}/revisions`, {})).statusCode).toBe(409);
    await expect(asApp(inst.director, inst, `INSERT INTO finance.budgets (institution_id, year, version, revises_id) VALUES ($1, 2031, 2, $2)`, [inst.id, v1.id]))
      .rejects.toMatchObject({ code: 'RA409', hint: 'finance.errors.revision_needs_approved' });

    await put(inst.director, `/api/finance/budgets/${v2.id}/amounts`, { ...balanced, items: [...balanced.items, { lineCode: 'rev_indh', amountMad: '1000' }, { lineCode: 'eq_it', amountMad: '1000' }] });
    await act(inst.director, v2.submissionId, { action: 'submit', level: 0 });
    await act(inst.founder, v2.submissionId, { action: 'validate', level: 1 });
    await act(inst.delegate, v2.submissionId, { action: 'approve', level: 2 });
    expect(await inForce()).toBe(v2.id);
    const list = (await inst.delegate.get(`/api/finance/budgets?institutionId=${inst.id}`)).json();
    expect(list.items.map((b: { version: number; revenueMad: string }) => `${b.version}:${b.revenueMad}`)).toEqual(['2:151000.50', '1:150000.50']);
  });
});

describe('the budget list', () => {
  it('pages by keyset without repeating or skipping, filtered by year and state', async () => {
    const dir = await institution({ province: '09.273' });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const inst = i === 0 ? dir : { ...(await createInstitution(server, { province: '09.273' })) };
      const director = i === 0 ? dir.director : await signedIn(server, { role: 'institution_director', scope: { institution: inst.id } });
      made.push((await director.post('/api/finance/budgets', { institutionId: inst.id, year: 2035 })).json().id);
    }
    const seen: string[] = [];
    let url = '/api/finance/budgets?year=2035&state=draft&limit=2';
    for (;;) {
      const page = (await dir.delegate.get(url)).json();
      seen.push(...page.items.map((b: { id: string }) => b.id));
      if (!page.nextCursor) break;
      url = `/api/finance/budgets?year=2035&state=draft&limit=2&after=${page.nextCursor}`;
    }
    expect(seen.sort()).toEqual([...made].sort());
    expect((await dir.delegate.get('/api/finance/budgets?after=garbage')).statusCode).toBe(400);
  });
});
