/**
 * Test data of the books: chart lines of their own (unique codes, so tests never depend on the
 * national chart's seed), an institution with its bank account and cash box, and its keepers.
 * Rows are written as the tables' owner; what the app does is always tested through the API.
 */
import { randomUUID } from 'node:crypto';
import { signedIn, type Session, type TestServer } from '../../../../../server/testing/harness.ts';
import { createInstitution, validRib } from '../../../../registry/testing/factories.ts';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 8);

export interface TestChart {
  /** Revenue: a grant line (reported within 10 days), an ordinary one. */
  grant: string;
  sales: string;
  /** Expenditure: a parent line with a food sub-line, and a staff line. */
  operating: string;
  food: string;
  salaries: string;
}

export async function createChart(server: TestServer): Promise<TestChart> {
  const s = unique();
  const chart: TestChart = { grant: `t_grant_${s}`, sales: `t_sales_${s}`, operating: `t_operating_${s}`, food: `t_food_${s}`, salaries: `t_salaries_${s}` };
  await server.owner(
    `INSERT INTO finance.budget_lines (code, kind, section, parent_code, name_ar, name_fr, is_grant, is_food, valid_from) VALUES
       ($1, 'revenue', NULL, NULL, 'تبرعات خاصة', 'Dons privés', true, false, 2010),
       ($2, 'revenue', NULL, NULL, 'أنشطة مدرة للدخل', 'Activités génératrices de revenus', false, false, 2010),
       ($3, 'expenditure', 'operating', NULL, 'التسيير', 'Fonctionnement', false, false, 2010),
       ($4, 'expenditure', 'operating', $3, 'التغذية', 'Alimentation', false, true, 2010),
       ($5, 'expenditure', 'staff', NULL, 'الأجور', 'Salaires', false, false, 2010)`,
    [chart.grant, chart.sales, chart.operating, chart.food, chart.salaries],
  );
  return chart;
}

export interface BooksSetup {
  institutionId: string;
  bankId: string;
  cashId: string;
  director: Session & { id: string };
}

/** An institution of the given delegation with both accounts opened on `opening` and its director signed in. */
export async function booksInstitution(server: TestServer, spec: { province?: string; opening?: string; bank?: string; cash?: string } = {}): Promise<BooksSetup> {
  const institution = await createInstitution(server, { province: spec.province ?? '09.001' });
  const opening = spec.opening ?? '2025-01-01';
  const [bank] = await server.owner<{ id: string }>(
    `INSERT INTO finance.accounts (institution_id, kind, rib, bank_name, opening_date, opening_balance_mad) VALUES ($1, 'bank', $2, 'Banque Test', $3, $4) RETURNING id`,
    [institution.id, validRib(), opening, spec.bank ?? '10000.00'],
  );
  const [cash] = await server.owner<{ id: string }>(
    `INSERT INTO finance.accounts (institution_id, kind, opening_date, opening_balance_mad) VALUES ($1, 'cash', $2, $3) RETURNING id`,
    [institution.id, opening, spec.cash ?? '500.00'],
  );
  const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id }, language: 'fr' });
  return { institutionId: institution.id, bankId: bank!.id, cashId: cash!.id, director };
}

/** A payment body with plausible defaults. */
export const payment = (line: string, over: Record<string, unknown> = {}) => ({
  journal: 'cash', entryDate: '2025-03-10', direction: 'payment', lineCode: line, amountMad: '100.00', counterparty: 'Épicerie Atlas', means: 'cash', ...over,
});
export const receipt = (line: string, over: Record<string, unknown> = {}) => ({
  journal: 'bank', entryDate: '2025-03-05', direction: 'receipt', lineCode: line, amountMad: '1000.00', counterparty: 'Client', means: 'transfer', ...over,
});

