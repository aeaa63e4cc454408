/** The seeded national chart (migration 0123): what the other finance parts rely on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const one = async <T extends object>(text: string, values: unknown[] = []) => (await server.owner<T>(text, values))[0]!;

describe('the seeded chart of budget lines', () => {
  it('has revenue by source and expenditure in the three official sections, each section with lines', async () => {
    const sections = await server.owner<{ kind: string; section: string | null; n: string }>(
      'SELECT kind, section, count(*) AS n FROM finance.budget_lines GROUP BY 1, 2 ORDER BY 1, 2',
    );
    expect(sections.map((s) => `${s.kind}/${s.section ?? '-'}`)).toEqual(['expenditure/equipment', 'expenditure/operating', 'expenditure/staff', 'revenue/-']);
    expect(sections.every((s) => Number(s.n) >= 3)).toBe(true);
  });

  it('flags grants and food, and lets only elderly and disability establishments charge beneficiaries', async () => {
    const grants = await server.owner<{ code: string }>('SELECT code FROM finance.budget_lines WHERE is_grant ORDER BY position');
    expect(grants.map((g) => g.code)).toEqual(expect.arrayContaining(['rev_en_subsidy', 'rev_indh', 'rev_private_donations', 'rev_in_kind_donations', 'rev_foreign_funding']));
    expect(grants.map((g) => g.code)).not.toContain('rev_carry_over');
    const food = await server.owner<{ code: string }>('SELECT code FROM finance.budget_lines WHERE is_food');
    expect(food.map((f) => f.code)).toEqual(['op_food']);
    const charging = await server.owner<{ code: string; allowed_categories: string[] }>('SELECT code, allowed_categories FROM finance.budget_lines WHERE allowed_categories IS NOT NULL');
    expect(charging).toEqual([{ code: 'rev_beneficiary_contributions', allowed_categories: ['elderly', 'disability'] }]);
  });

  it('maps lines to PCA accounts: charges in class 6, equipment in class 2, subsidies in class 7', async () => {
    expect(await one('SELECT pca_account FROM finance.budget_lines WHERE code = $1', ['op_food'])).toEqual({ pca_account: '6122' });
    expect(await one('SELECT pca_account FROM finance.budget_lines WHERE code = $1', ['eq_it'])).toEqual({ pca_account: '2355' });
    expect(await one('SELECT pca_account FROM finance.budget_lines WHERE code = $1', ['rev_en_subsidy'])).toEqual({ pca_account: '7161' });
    const unmapped = await server.owner<{ code: string }>('SELECT code FROM finance.budget_lines WHERE pca_account IS NULL');
    expect(unmapped.map((u) => u.code)).toEqual(['rev_in_kind_donations']);
  });

  it('treats a heading as not postable, its sub-lines and plain lines as postable, and a retired line only in its years', async () => {
    const postable = async (code: string, year: number) =>
      (await one<{ ok: boolean }>('SELECT finance.line_is_postable($1, $2) AS ok', [code, year])).ok;
    expect(await postable('st_salaries', 2026)).toBe(false);
    expect(await postable('st_salary_educators', 2026)).toBe(true);
    expect(await postable('op_food', 2026)).toBe(true);
    expect(await postable('no_such_line', 2026)).toBe(false);
    expect(await postable('op_food', 2019)).toBe(false);
  });

  it('refuses a sub-line of another kind or section than its heading', async () => {
    await expect(
      server.owner(`INSERT INTO finance.budget_lines (code, kind, section, parent_code, name_ar, name_fr) VALUES ('eq_wrong', 'expenditure', 'equipment', 'st_salaries', 'خطأ', 'Erreur')`),
    ).rejects.toMatchObject({ code: 'RA409', hint: 'finance.errors.line_parent' });
  });

  it('seeds a minimum daily cost for every legal category and year 2020–2027', async () => {
    const refs = await one<{ n: string; categories: string }>('SELECT count(*) AS n, count(DISTINCT legal_category) AS categories FROM finance.daily_cost_references');
    expect(refs).toEqual({ n: '64', categories: '8' });
    expect(await one('SELECT amount_mad FROM finance.daily_cost_references WHERE legal_category = $1 AND year = $2', ['schooled_children', 2026])).toEqual({ amount_mad: '25.00' });
  });
});
