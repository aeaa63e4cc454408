/**
 * Budget against actual of one institution and year, line by line and month by month. Actuals are
 * finance.monthly_totals (never the entries re-summed); the budget is the one in force
 * (finance.current_budget_id). Both are summed by PostgreSQL; the sections add the lines' exact
 * centimes.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { centimesToMad, madToCentimes } from '../../../../platform/contract/money.ts';
import type { BudgetLineRow, BudgetVsActual, SectionKey, SectionRow } from './contract.ts';

interface LineSqlRow {
  code: string;
  kind: 'revenue' | 'expenditure';
  section: 'operating' | 'equipment' | 'staff' | null;
  parent_code: string | null;
  name_ar: string;
  name_fr: string;
  budget_mad: string;
  actual_mad: string;
  months: string[];
}

/** The institution as the caller sees it (row-level security): 404 when out of scope. */
export async function visibleInstitution(tx: Tx, institutionId: string): Promise<{ legalCategory: string | null; nameAr: string; nameFr: string }> {
  const row = await tx
    .selectFrom('registry.institutions')
    .select(['legal_category', 'name_ar', 'name_fr'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return { legalCategory: row.legal_category, nameAr: row.name_ar, nameFr: row.name_fr };
}

/** The budget in force for the year and whether it is approved. */
export async function budgetInForce(tx: Tx, institutionId: string, year: number): Promise<{ id: string | null; approved: boolean }> {
  const { rows } = await sql<{ id: string | null; approved: boolean }>`
    SELECT b.id, coalesce(s.state = 'approved', false) AS approved
    FROM (SELECT finance.current_budget_id(${institutionId}::uuid, ${year}::int) AS id) b
    LEFT JOIN approvals.submissions s ON s.subject_type = 'institution_budget' AND s.subject_id = b.id`.execute(tx);
  return { id: rows[0]?.id ?? null, approved: rows[0]?.approved ?? false };
}

/** One row per chart line that has a budget amount or an actual in the year. */
async function lineRows(tx: Tx, institutionId: string, year: number, budgetId: string | null): Promise<LineSqlRow[]> {
  const { rows } = await sql<LineSqlRow>`
    WITH t AS (
      SELECT line_code, extract(month FROM month)::int AS m, amount_mad
      FROM finance.monthly_totals
      WHERE institution_id = ${institutionId}::uuid AND month >= make_date(${year}::int, 1, 1) AND month < make_date(${year}::int + 1, 1, 1)
    ), ba AS (
      SELECT line_code, amount_mad FROM finance.budget_amounts WHERE budget_id = ${budgetId}::uuid
    ), codes AS (SELECT line_code FROM t UNION SELECT line_code FROM ba)
    SELECT l.code, l.kind, l.section, l.parent_code, l.name_ar, l.name_fr,
      coalesce((SELECT ba.amount_mad FROM ba WHERE ba.line_code = l.code), 0.00)::text AS budget_mad,
      (SELECT coalesce(sum(t.amount_mad), 0.00) FROM t WHERE t.line_code = l.code)::text AS actual_mad,
      ARRAY(SELECT coalesce(sum(t.amount_mad), 0.00)::text FROM generate_series(1, 12) g LEFT JOIN t ON t.m = g AND t.line_code = l.code
            GROUP BY g ORDER BY g) AS months
    FROM codes JOIN finance.budget_lines l ON l.code = codes.line_code
    ORDER BY l.kind DESC, l.section NULLS FIRST, l.position, l.code`.execute(tx);
  return rows;
}

/** actual ÷ budget with four decimals, from exact centimes (null without a budget). */
export function rate(actual: bigint, budget: bigint): string | null {
  if (budget <= 0n) return null;
  const negative = actual < 0n;
  const magnitude = negative ? -actual : actual;
  const scaled = (magnitude * 10_000n * 2n + budget) / (budget * 2n); // rounded half up
  return `${negative ? '-' : ''}${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, '0')}`;
}

const sectionOf = (line: LineSqlRow): SectionKey => (line.kind === 'revenue' ? 'revenue' : line.section ?? 'operating');

function toLine(r: LineSqlRow): BudgetLineRow {
  const budget = madToCentimes(r.budget_mad);
  const actual = madToCentimes(r.actual_mad);
  return {
    code: r.code,
    kind: r.kind,
    section: r.section,
    parentCode: r.parent_code,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    budgetMad: r.budget_mad,
    actualMad: r.actual_mad,
    months: r.months,
    varianceMad: centimesToMad(actual - budget),
    executionRate: rate(actual, budget),
  };
}

function sectionsOf(lines: LineSqlRow[]): SectionRow[] {
  const keys: SectionKey[] = ['revenue', 'operating', 'equipment', 'staff'];
  return keys.map((key) => {
    const mine = lines.filter((l) => sectionOf(l) === key);
    const sum = (pick: (l: LineSqlRow) => string) => mine.reduce((total, l) => total + madToCentimes(pick(l)), 0n);
    const budget = sum((l) => l.budget_mad);
    const actual = sum((l) => l.actual_mad);
    return {
      key,
      budgetMad: centimesToMad(budget),
      actualMad: centimesToMad(actual),
      months: Array.from({ length: 12 }, (_, m) => centimesToMad(sum((l) => l.months[m]!))),
      varianceMad: centimesToMad(actual - budget),
      executionRate: rate(actual, budget),
    };
  });
}

export async function budgetVsActual(tx: Tx, institutionId: string, year: number): Promise<BudgetVsActual> {
  await visibleInstitution(tx, institutionId);
  const budget = await budgetInForce(tx, institutionId, year);
  const lines = await lineRows(tx, institutionId, year, budget.id);
  return { institutionId, year, budgetId: budget.id, budgetApproved: budget.approved, lines: lines.map(toLine), sections: sectionsOf(lines) };
}
